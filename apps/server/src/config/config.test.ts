import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const SECRET = 'x'.repeat(40);
const problems = (env: Record<string, string>): string[] => {
  try {
    loadConfig({ SESSION_SECRET: SECRET, ...env });
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
};

describe('configuration', () => {
  it('has working defaults: SQLite in ./data on port 3000', () => {
    const c = loadConfig({ SESSION_SECRET: SECRET });
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toBe(path.resolve('./data'));
    expect(c.publicUrl).toBe('http://localhost:3000');
    expect(c.secureCookies).toBe(false);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT (got "abc"): must be a number'],
    [{ PORT: '70000' }, 'PORT (got "70000"): must be between 0 and 65535'],
    [{ PORT: '3.5' }, 'PORT (got "3.5"): must be a whole number'],
    [
      { DATABASE_URL: 'mysql://localhost/db' },
      'DATABASE_URL (got "mysql://localhost/db"): must start with postgres:// or postgresql://',
    ],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL (got "not a url"): must be a URL'],
    [
      { REDIS_URL: 'http://localhost' },
      'REDIS_URL (got "http://localhost"): must start with redis:// or rediss://',
    ],
    [{ SMTP_URL: 'localhost:25' }, 'SMTP_URL (got "localhost:25"):'],
    [
      { PUBLIC_URL: 'ftp://example.org' },
      'PUBLIC_URL (got "ftp://example.org"): must start with http:// or https://',
    ],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET (got "***"): must be at least 32 characters'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL (got "loud"):'],
  ])('rejects %o with a clear message', (env, message) => {
    const p = problems(env);
    expect(p).toHaveLength(1);
    expect(p[0]).toContain(message);
  });

  it('reports every bad variable at once', () => {
    expect(problems({ PORT: 'x', REDIS_URL: 'nope', PUBLIC_URL: 'nope' })).toHaveLength(3);
  });

  it('derives Secure cookies from an https public URL and trims its slash', () => {
    const c = loadConfig({ SESSION_SECRET: SECRET, PUBLIC_URL: 'https://discuss.example.eu/' });
    expect(c.publicUrl).toBe('https://discuss.example.eu');
    expect(c.secureCookies).toBe(true);
  });

  it('generates a session secret once and keeps it in the data directory', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'discuss-config-'));
    const a = loadConfig({ DATA_DIR: dir });
    const b = loadConfig({ DATA_DIR: dir });
    expect(a.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(b.sessionSecret).toBe(a.sessionSecret);
    expect(readFileSync(path.join(dir, 'session-secret'), 'utf8')).toBe(a.sessionSecret);
  });
});
