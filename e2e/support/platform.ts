import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../apps/server/src/app.ts';
import { loadConfig } from '../../apps/server/src/config/config.ts';
import { startSmtpSink, type SmtpSink } from '../../apps/server/test/smtp-sink.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Platform {
  /** http://127.0.0.1:PORT */
  url: string;
  app: FastifyInstance;
  smtp: SmtpSink;
  dataDir: string;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * The real platform as a person meets it: the production web build served by the server, SQLite in a
 * fresh data directory, and a real SMTP server in this process receiving its e-mails.
 */
export async function startPlatform(env: Record<string, string> = {}): Promise<Platform> {
  const smtp = await startSmtpSink();
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'discuss-e2e-'));
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig(
    {
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      SMTP_URL: smtp.url,
      PUBLIC_URL: url,
      SESSION_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
      ...env,
    },
    { port, webDist: path.join(root, 'apps/web/dist') },
  );
  const app = await buildApp(config, { logger: false, redisPrefix: `e2e:${randomBytes(4).toString('hex')}` });
  await app.listen({ port, host: '127.0.0.1' });
  return {
    url,
    app,
    smtp,
    dataDir,
    async close() {
      await app.close();
      await smtp.close();
    },
  };
}
