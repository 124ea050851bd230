import { setFlagsFromString } from 'node:v8';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config/config.ts';

// V8 lets the heap grow to up to four times what survived the last full collection before collecting
// again: under a few thousand requests per second that took the server past 350 MB with under 100 MB
// live. One and a half times keeps the peak near 230 MB for the same CPU (bench/README.md, round three).
// A flag V8 does not know is ignored with a warning, so a Node.js upgrade cannot stop the server.
setFlagsFromString('--heap-growing-percent=50');

// Process entry: config, listen, graceful shutdown. Nothing imports this file.
let config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

const app = await buildApp(config, { jobs: true });
let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down: finishing in-flight requests');
  const force = setTimeout(() => {
    app.log.error('shutdown took too long; exiting');
    process.exit(1);
  }, 15_000);
  force.unref();
  // Keep-alive connections that finish their last request after close() began would otherwise
  // stay open until their timeout: close them as soon as they turn idle.
  const idle = setInterval(() => app.server.closeIdleConnections(), 100);
  idle.unref();
  try {
    await app.close();
    process.exit(0);
  } catch (err) {
    app.log.error({ err }, 'error during shutdown');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

try {
  await app.listen({ port: config.port, host: config.host });
  app.log.info(`DISCUSS is running at ${config.publicUrl} (${config.databaseUrl ? 'PostgreSQL' : 'SQLite'})`);
} catch (err) {
  app.log.error({ err }, 'could not start');
  process.exit(1);
}
