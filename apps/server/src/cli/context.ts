import pino from 'pino';
import { ConfigError, loadConfig } from '../config/config.ts';
import { createServices, type Services } from '../services.ts';

/** Loads the config and services for a command-line tool; exits with a clear message on bad config. */
export async function cliServices(): Promise<Services> {
  try {
    const config = loadConfig();
    return await createServices(config, {
      log: pino({ level: config.logLevel === 'info' ? 'warn' : config.logLevel }),
    });
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}
