import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config/config.ts';
import { route } from '../../platform/http.ts';
import type { AccountService, RequestMeta, SignedIn } from './account.service.ts';
import type { AdminService } from './admin.service.ts';
import { clearSessionCookie, setSessionCookie } from './auth.hooks.ts';
import type { SessionService } from './session.service.ts';

const ACCEPTED = {
  signUp: 'If the address can be used, a confirmation link is on its way. Check your inbox.',
  email: 'If an account uses this address, a link is on its way. Check your inbox.',
  emailChange: 'A confirmation link is on its way to the new address.',
};

const meta = (req: FastifyRequest): RequestMeta => ({ ip: req.ip, userAgent: req.headers['user-agent'] });

export interface AccountRouteDeps {
  config: Config;
  accounts: AccountService;
  sessions: SessionService;
  admin: AdminService;
}

/** Sign-up, sign-in, own account, setup and the operator's user list. */
export function accountRoutes(
  app: FastifyInstance,
  { config, accounts, sessions, admin }: AccountRouteDeps,
): void {
  const signedIn = async (reply: Parameters<typeof setSessionCookie>[0], s: SignedIn) => {
    setSessionCookie(reply, config, s.session);
    return { user: s.me, csrfToken: s.session.csrfToken, setupRequired: await admin.setupRequired() };
  };

  route(app, 'session', async ({ actor, req }) => ({
    user: actor.kind === 'user' ? await accounts.me(actor) : null,
    csrfToken: req.csrfToken,
    setupRequired: await admin.setupRequired(),
  }));
  route(app, 'signUp', async ({ body, req }) => {
    await accounts.signUp(body, meta(req));
    return { message: ACCEPTED.signUp };
  });
  route(app, 'resendVerification', async ({ body, req }) => {
    await accounts.resendVerification(body.email, meta(req));
    return { message: ACCEPTED.email };
  });
  route(app, 'verifyEmail', async ({ body, req, reply }) =>
    signedIn(reply, await accounts.verifyEmail(body.token, meta(req))),
  );
  route(app, 'signIn', async ({ body, req, reply }) =>
    signedIn(reply, await accounts.signIn(body, meta(req))),
  );
  route(app, 'signOut', async ({ actor, reply }) => {
    await sessions.end(actor);
    clearSessionCookie(reply, config);
  });
  route(app, 'forgotPassword', async ({ body, req }) => {
    await accounts.forgotPassword(body.email, meta(req));
    return { message: ACCEPTED.email };
  });
  route(app, 'resetPassword', async ({ body, req, reply }) =>
    signedIn(reply, await accounts.resetPassword(body, meta(req))),
  );
  route(app, 'confirmEmailChange', async ({ body, req }) =>
    accounts.confirmEmailChange(body.token, meta(req)),
  );

  route(app, 'setupStatus', async () => ({ setupRequired: await admin.setupRequired() }));
  route(app, 'setup', async ({ body, req, reply }) => signedIn(reply, await admin.setup(body, meta(req))));

  route(app, 'me', async ({ actor }) => accounts.me(actor));
  route(app, 'updateMe', async ({ actor, body }) => accounts.updateMe(actor, body));
  route(app, 'changePassword', async ({ actor, body }) => accounts.changePassword(actor, body));
  route(app, 'changeEmail', async ({ actor, body }) => {
    await accounts.requestEmailChange(actor, body);
    return { message: ACCEPTED.emailChange };
  });
  route(app, 'listSessions', async ({ actor }) => sessions.list(actor));
  route(app, 'revokeOtherSessions', async ({ actor }) => sessions.revokeOthers(actor));
  route(app, 'revokeSession', async ({ actor, params }) => sessions.revoke(actor, params.id));
  route(app, 'listTokens', async ({ actor }) => sessions.listTokens(actor));
  route(app, 'createToken', async ({ actor, body }) => sessions.createToken(actor, body));
  route(app, 'revokeToken', async ({ actor, params }) => sessions.revokeToken(actor, params.id));

  route(app, 'adminListUsers', async ({ actor, query }) => admin.listUsers(actor, query));
  route(app, 'adminSuspendUser', async ({ actor, params, body }) =>
    admin.suspend(actor, params.id, body.reason),
  );
  route(app, 'adminReinstateUser', async ({ actor, params }) => admin.reinstate(actor, params.id));
}
