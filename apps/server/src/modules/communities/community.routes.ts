import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config/config.ts';
import { route } from '../../platform/http.ts';
import type { AdminService } from '../accounts/admin.service.ts';
import { setSessionCookie } from '../accounts/auth.hooks.ts';
import type { CommunityService } from './community.service.ts';
import type { GroupService } from './group.service.ts';
import type { InvitationService } from './invitation.service.ts';
import type { MembershipService } from './membership.service.ts';

export interface CommunityRouteDeps {
  config: Config;
  communities: CommunityService;
  membership: MembershipService;
  invitations: InvitationService;
  groups: GroupService;
  admin: AdminService;
}

/** Areas, communities, membership, invitations and working groups. */
export function communityRoutes(app: FastifyInstance, d: CommunityRouteDeps): void {
  const { communities, membership, invitations, groups } = d;

  route(app, 'listAreas', async ({ actor }) => communities.listAreas(actor));
  route(app, 'createArea', async ({ actor, body }) => communities.createArea(actor, body));
  route(app, 'updateArea', async ({ actor, params, body }) => communities.updateArea(actor, params.id, body));

  route(app, 'listCommunities', async ({ actor, query }) => communities.list(actor, query));
  route(app, 'createCommunity', async ({ actor, body }) => communities.create(actor, body));
  route(app, 'getCommunity', async ({ actor, params }) => communities.get(actor, params.slug));
  route(app, 'updateCommunity', async ({ actor, params, body }) =>
    communities.update(actor, params.slug, body),
  );
  route(app, 'archiveCommunity', async ({ actor, params }) =>
    communities.setArchived(actor, params.slug, true),
  );
  route(app, 'unarchiveCommunity', async ({ actor, params }) =>
    communities.setArchived(actor, params.slug, false),
  );
  route(app, 'setStage', async ({ actor, params, body }) =>
    communities.setStage(actor, params.slug, body.stage, body.note),
  );
  route(app, 'stageHistory', async ({ actor, params }) => communities.stageHistory(actor, params.slug));

  route(app, 'joinCommunity', async ({ actor, params }) => membership.join(actor, params.slug));
  route(app, 'leaveCommunity', async ({ actor, params }) => membership.leave(actor, params.slug));
  route(app, 'requestMembership', async ({ actor, params, body }) =>
    membership.request(actor, params.slug, body.motivation),
  );
  route(app, 'withdrawRequest', async ({ actor, params }) => membership.withdraw(actor, params.slug));
  route(app, 'listRequests', async ({ actor, params, query }) =>
    membership.listRequests(actor, params.slug, query),
  );
  route(app, 'approveRequest', async ({ actor, params, body }) =>
    membership.decide(actor, params.slug, params.id, true, body.note),
  );
  route(app, 'declineRequest', async ({ actor, params, body }) =>
    membership.decide(actor, params.slug, params.id, false, body.note),
  );

  route(app, 'listMembers', async ({ actor, params, query }) =>
    membership.listMembers(actor, params.slug, query),
  );
  route(app, 'getPerson', async ({ actor, params }) => membership.person(actor, params.id));
  route(app, 'setMemberRole', async ({ actor, params, body }) =>
    membership.setRole(actor, params.slug, params.userId, body.role, body.expiresInDays),
  );
  route(app, 'removeMember', async ({ actor, params }) =>
    membership.remove(actor, params.slug, params.userId),
  );
  route(app, 'suspendMember', async ({ actor, params, body }) =>
    membership.setSuspended(actor, params.slug, params.userId, true, body.reason),
  );
  route(app, 'reinstateMember', async ({ actor, params }) =>
    membership.setSuspended(actor, params.slug, params.userId, false),
  );

  route(app, 'createInvitations', async ({ actor, params, body }) =>
    invitations.invite(actor, params.slug, body),
  );
  route(app, 'listInvitations', async ({ actor, params, query }) =>
    invitations.listInvitations(actor, params.slug, query),
  );
  route(app, 'listInvitable', async ({ actor, params, query }) =>
    invitations.invitable(actor, params.slug, query),
  );
  route(app, 'revokeInvitation', async ({ actor, params }) =>
    invitations.revokeInvitation(actor, params.slug, params.id),
  );
  route(app, 'previewInvitation', async ({ params }) => invitations.preview(params.token));
  route(app, 'acceptInvitationLink', async ({ actor, params }) =>
    invitations.acceptLink(actor, params.token),
  );
  route(app, 'signUpWithInvitation', async ({ params, body, req, reply }) => {
    const s = await invitations.signUpWithInvitation(params.token, body, {
      ip: req.ip,
      userAgent: req.headers['user-agent'],
    });
    setSessionCookie(reply, d.config, s.session);
    return { user: s.me, csrfToken: s.session.csrfToken, setupRequired: await d.admin.setupRequired() };
  });
  route(app, 'myInvitations', async ({ actor }) => invitations.mine(actor));
  route(
    app,
    'acceptInvitation',
    async ({ actor, params }) => (await invitations.respond(actor, params.id, true))!,
  );
  route(app, 'declineInvitation', async ({ actor, params }) => {
    await invitations.respond(actor, params.id, false);
  });

  route(app, 'listGroups', async ({ actor, params }) => groups.list(actor, params.slug));
  route(app, 'createGroup', async ({ actor, params, body }) => groups.create(actor, params.slug, body));
  route(app, 'getGroup', async ({ actor, params }) => groups.detail(actor, params.slug, params.group));
  route(app, 'updateGroup', async ({ actor, params, body }) =>
    groups.update(actor, params.slug, params.group, body),
  );
  route(app, 'joinGroup', async ({ actor, params }) => groups.join(actor, params.slug, params.group));
  route(app, 'leaveGroup', async ({ actor, params }) => groups.leave(actor, params.slug, params.group));
  route(app, 'addGroupMember', async ({ actor, params, body }) =>
    groups.addMember(actor, params.slug, params.group, body.userId, body.role),
  );
  route(app, 'removeGroupMember', async ({ actor, params }) =>
    groups.removeMember(actor, params.slug, params.group, params.userId),
  );
}
