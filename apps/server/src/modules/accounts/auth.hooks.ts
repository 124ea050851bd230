import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/config.ts';
import { safeEqual } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { GUEST } from '../../platform/policy.ts';
import type { RateLimiter } from '../../platform/rate-limit.ts';
import type { NewSession, SessionService } from './session.service.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionCookieName(config: Pick<Config, 'secureCookies'>): string {
  // The __Host- prefix pins the cookie to this origin and path, but browsers require Secure for it.
  return config.secureCookies ? '__Host-discuss_session' : 'discuss_session';
}

export function setSessionCookie(reply: FastifyReply, config: Config, session: NewSession): void {
  reply.setCookie(sessionCookieName(config), session.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    path: '/',
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(sessionCookieName(config), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
  });
}

/** Origins allowed to send state-changing requests: the public URL and the origin the request came to. */
function originAllowed(req: FastifyRequest, config: Config): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (origin === new URL(config.publicUrl).origin) return true;
  return origin === `${req.protocol}://${req.host}`;
}

/**
 * Turns the session cookie or `Authorization: Bearer` token into `req.actor`, and guards writes:
 * cross-site writes are refused, cookie-authenticated writes need the session's CSRF token,
 * and signed-in writes are rate-limited per person.
 */
export function registerAuthHooks(
  app: FastifyInstance,
  deps: { sessions: SessionService; config: Config; limiter: RateLimiter },
) {
  const { sessions, config, limiter } = deps;
  const cookieName = sessionCookieName(config);
  app.decorateRequest('actor', null as never);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRequest', async (req, reply) => {
    req.actor = GUEST;
    req.csrfToken = null;
    // Pages of the web app need no actor; the API and files (checked on every request) do.
    if (!req.url.startsWith('/api/') && !req.url.startsWith('/files/')) return;
    const auth = req.headers.authorization;
    if (auth !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      const found = m?.[1] ? await sessions.fromApiToken(m[1]) : null;
      if (!found) throw new AppError('unauthenticated', 'The API token is not valid');
      req.actor = found.actor;
    } else {
      const token = req.cookies[cookieName];
      if (token) {
        const found = token.length <= 200 ? await sessions.fromSessionToken(token) : null;
        if (found) {
          req.actor = found.actor;
          req.csrfToken = found.csrfToken;
        } else {
          clearSessionCookie(reply, config);
        }
      }
    }
    if (SAFE_METHODS.has(req.method)) return;
    if (req.headers['sec-fetch-site'] === 'cross-site' || !originAllowed(req, config)) {
      throw new AppError('csrf_failed', 'Cross-site requests are not allowed');
    }
    if (req.actor.kind === 'user' && req.actor.via === 'session') {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !req.csrfToken || !safeEqual(sent, req.csrfToken)) {
        throw new AppError('csrf_failed', 'The CSRF token is missing or not valid; reload the page');
      }
    }
    if (req.actor.kind === 'user') await limiter.consume('writeActor', req.actor.userId);
  });
}
