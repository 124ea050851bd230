import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { constants as zlibConstants } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { LIMITS, UPLOAD_LIMITS } from '@discuss/contracts';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config/config.ts';
import { accountRoutes } from './modules/accounts/account.routes.ts';
import { registerAuthHooks } from './modules/accounts/auth.hooks.ts';
import { communityRoutes } from './modules/communities/community.routes.ts';
import { uploadRoutes } from './modules/uploads/upload.routes.ts';
import { discussionRoutes } from './modules/discussions/discussion.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { VERSION } from './modules/health/health.service.ts';
import type { Clock } from './platform/clock.ts';
import type { Database } from './db/database.ts';
import { registerErrorHandlers, sendError } from './platform/http.ts';
import { startJobs } from './platform/jobs.ts';
import { registerMetrics } from './platform/metrics.ts';
import { helmetHeaders } from './platform/security-headers.ts';
import { createResponseSerializer } from './platform/serializer.ts';
import type { Actor } from './platform/policy.ts';
import { createServices, type Services } from './services.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is making the request (guest until the auth hook says otherwise). */
    actor: Actor;
    /** The session's CSRF token, for cookie-authenticated requests. */
    csrfToken: string | null;
  }
  interface FastifyInstance {
    services: Services;
  }
}

export interface BuildOptions {
  /** Test clock; defaults to the system clock. */
  clock?: Clock;
  /** Use this database instead of opening one from the config (tests); the app then does not close it. */
  database?: Database;
  /** PostgreSQL schema to work in (tests isolate themselves). */
  pgSchema?: string;
  /** Prefix of Redis keys (tests isolate themselves). */
  redisPrefix?: string;
  /** Logger options; defaults from config. */
  logger?: FastifyServerOptions['logger'];
  /** Start background jobs (outbox, housekeeping). The server does; tests do not. */
  jobs?: boolean;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const DEFAULT_WEB_DIST = path.resolve(here, '../../web/dist');

// Tokens travel in the query of e-mailed links (e.g. /reset-password?token=…): never log them.
const scrubUrl = (url: string) => url.replace(/([?&](?:token|secret)=)[^&]*/gi, '$1[redacted]');

/** The Content-Security-Policy of every page and API answer (the web app works under it). */
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
};
const kebab = (k: string) => k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Headers helmet would add; framework errors are answered before its hook runs. */
const FRAMEWORK_ERROR_HEADERS = {
  'content-security-policy': Object.entries(CSP_DIRECTIVES)
    .map(([k, v]) => `${kebab(k)} ${v.join(' ')}`)
    .join(';'),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'SAMEORIGIN',
};

/** Builds the whole application without listening: plugins, then modules, then error handlers. */
export async function buildApp(config: Config, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({
          method: req.method,
          url: scrubUrl(req.url),
          id: req.id,
        }),
      },
    },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: LIMITS.bodyMaxBytes,
    trustProxy: config.trustProxy,
    routerOptions: { maxParamLength: 200 },
    // URLs Fastify cannot route (bad percent-encoding, over-long parameters) get our error shape too.
    frameworkErrors: (err, req, reply) => {
      reply.header('x-request-id', req.id);
      for (const [k, v] of Object.entries(FRAMEWORK_ERROR_HEADERS)) reply.header(k, v);
      void sendError(reply, 'bad_request', 'The URL is not valid');
    },
  });
  // Only JSON (and multipart for uploads) is accepted: a cross-site form cannot send either.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  // Answers are checked against their zod schema outside production only (bench/README.md, decision 0012).
  app.setSerializerCompiler(createResponseSerializer({ validate: config.env !== 'production' }));
  app.decorate('checkAnswers', config.env !== 'production');
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  const services = await createServices(config, {
    log: app.log,
    clock: opts.clock,
    database: opts.database,
    pgSchema: opts.pgSchema,
    redisPrefix: opts.redisPrefix,
  });
  const { mailer, limiter, sessions, accounts, admin, health } = services;
  app.decorate('services', services);

  // Helmet's headers on every answer, set on the raw response as helmet itself does (so hijacked
  // answers such as the event stream carry them too).
  const securityHeaders = helmetHeaders({
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    strictTransportSecurity: config.secureCookies,
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', async (_req, reply) => {
    for (const [name, value] of securityHeaders) reply.raw.setHeader(name, value);
  });
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: { fileSize: UPLOAD_LIMITS.maxBytes, files: 1, fields: 5, parts: 6 },
  });
  // Measured with `npm run bench` (bench/README.md): API answers are tens of KB, and compressing them in
  // one synchronous call costs a fraction of the stream pipeline the plugin otherwise uses above 8 KB on
  // two cores. Brotli quality 1 with a 256 KB window takes a quarter of the CPU of the plugin's default
  // (quality 4, 4 MB window) for 7–12% more bytes: a 19 KB topic list in 70 µs instead of 300 (5.7 KB).
  await app.register(fastifyCompress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    syncThreshold: 256 * 1024,
    brotliOptions: {
      params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 1, [zlibConstants.BROTLI_PARAM_LGWIN]: 18 },
    },
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'DISCUSS API',
        version: VERSION,
        description:
          'The public API of DISCUSS. The web app uses nothing else. Authenticate with the session cookie ' +
          '(and send `X-CSRF-Token` on writes) or with a personal API token as `Authorization: Bearer`. ' +
          'Every error has the shape `{"error":{"code","message","details"}}`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'Personal API token (dsc_…)' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'discuss_session' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // Keep our locked directives on the reference pages too.
    transformStaticCSP: (header) =>
      header
        .replace(/base-uri [^;]*/, "base-uri 'none'")
        .replace(/frame-ancestors [^;]*/, "frame-ancestors 'none'"),
  });

  registerMetrics(app);
  registerErrorHandlers(app);
  registerAuthHooks(app, { sessions, config, limiter });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  healthRoutes(app, { health });
  accountRoutes(app, { config, accounts, sessions, admin });
  communityRoutes(app, services);
  uploadRoutes(app, services);
  discussionRoutes(app, services);

  const webDist = config.webDist ?? DEFAULT_WEB_DIST;
  const serveWeb = existsSync(path.join(webDist, 'index.html'));
  if (serveWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      setHeaders: (res, file) => {
        const immutable = file.includes(`${path.sep}assets${path.sep}`);
        res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler(async (req, reply) => {
    // Client-side routes get the app; API paths, missing build files and non-GETs get a JSON 404.
    const notPage = req.url.startsWith('/api/') || req.url === '/api' || req.url.startsWith('/assets/');
    if (notPage || !serveWeb || !['GET', 'HEAD'].includes(req.method)) {
      return sendError(reply, 'route_not_found', `No route ${req.method} ${req.url.split('?')[0]}`);
    }
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });

  const stopJobs = opts.jobs
    ? startJobs(app.log, [
        { name: 'outbox', everyMs: 10_000, run: () => mailer.flush() },
        { name: 'sessions-purge', everyMs: 3_600_000, run: () => sessions.purgeExpired() },
      ])
    : () => undefined;

  app.addHook('onClose', async () => {
    stopJobs();
    await services.close();
  });
  return app;
}
