import type {
  Area,
  AreaCreateBody,
  AreaUpdateBody,
  Community,
  CommunityCreateBody,
  CommunityListResponse,
  CommunityUpdateBody,
  StageChange,
} from '@discuss/contracts';
import { CommunityCreateBodySchema, CommunityListQuerySchema } from '@discuss/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { iso, type Clock } from '../../platform/clock.ts';
import { newId } from '../../platform/crypto.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { decodeNameCursor, encodeCursor } from '../../platform/cursor.ts';
import { renderMarkdown } from '../../platform/markdown.ts';
import { assertCan, can, type Actor } from '../../platform/policy.ts';
import { createReadCache } from '../../platform/read-cache.ts';
import { accessFor, type LoadedCommunity } from './community.access.ts';
import { person, toArea, toMy, toPermissions, toStageChange, toSummary } from './community.mapper.ts';
import * as repo from './community.repository.ts';
import * as invitations from './invitation.repository.ts';
import type { UploadService } from '../uploads/upload.service.ts';
import { DEFAULT_AREAS } from './defaults.ts';

export interface CommunityServiceDeps {
  db: Kysely<DB>;
  clock: Clock;
  uploads: UploadService;
}

type ListQuery = z.output<typeof CommunityListQuerySchema>;

const isUniqueViolation = (err: unknown) =>
  /unique|duplicate key/i.test(err instanceof Error ? err.message : String(err));

export type CommunityService = ReturnType<typeof createCommunityService>;

/** Priority areas and communities: directory, home, settings, lifecycle. */
export function createCommunityService({ db, clock, uploads }: CommunityServiceDeps) {
  const now = () => iso(clock.now());

  async function assertArea(exec: Kysely<DB>, areaId: string | null | undefined) {
    if (areaId && !(await repo.findArea(exec, areaId))) {
      throw new AppError('validation_failed', 'Some fields are not valid', [
        { path: 'body.areaId', code: 'not_found', message: 'No such priority area' },
      ]);
    }
  }

  async function detail(actor: Actor, loaded: LoadedCommunity): Promise<Community> {
    const { row, access } = loaded;
    const area = row.area_id ? await repo.findArea(db, row.area_id) : undefined;
    const permissions = toPermissions(actor, access);
    const [facilitators, moderators, pendingRequestCount, groupCount, invitation] = await Promise.all([
      repo.peopleWithRole(db, row.id, 'facilitator'),
      repo.peopleWithRole(db, row.id, 'moderator'),
      permissions.manageMembers ? repo.countPendingRequests(db, row.id) : Promise.resolve(0),
      permissions.readContent ? countVisibleGroups(actor, loaded) : Promise.resolve(0),
      access.pendingInvitation && actor.kind === 'user'
        ? repo
            .userById(db, actor.userId)
            .then((u) =>
              invitations.pendingInvitationFor(db, row.id, { userId: actor.userId, email: u?.email }, now()),
            )
        : Promise.resolve(undefined),
    ]);
    return {
      ...toSummary(row, area, toMy(access, invitation?.id ?? null)),
      description: row.description,
      descriptionHtml: row.description_html,
      facilitators: facilitators.map((p) => person(p.id, p.display_name)!),
      moderators: moderators.map((p) => person(p.id, p.display_name)!),
      groupCount,
      pendingRequestCount,
      can: permissions,
    };
  }

  async function countVisibleGroups(actor: Actor, loaded: LoadedCommunity): Promise<number> {
    const groups = await db
      .selectFrom('working_groups as g')
      .leftJoin('working_group_members as gm', (j) =>
        j.onRef('gm.group_id', '=', 'g.id').on('gm.user_id', '=', actor.kind === 'user' ? actor.userId : ''),
      )
      .select(['g.visibility', 'g.archived_at', 'gm.role'])
      .where('g.community_id', '=', loaded.row.id)
      .where('g.archived_at', 'is', null)
      .execute();
    return groups.filter((g) =>
      can(actor, 'group.see', {
        community: loaded.access,
        visibility: g.visibility,
        archived: g.archived_at !== null,
        groupRole: g.role ?? null,
      }),
    ).length;
  }

  // Discussions ask for the community and the actor's place in it on every request. Kept until any table
  // it is read from is written (decision 0012); never across an expiry the answer depends on.
  const accessCache = createReadCache<LoadedCommunity | undefined>({
    db,
    clock,
    tables: ['communities', 'community_members', 'membership_requests', 'invitations', 'users'],
    max: 20_000,
    ttlMs: 60_000,
  });
  const until = (l: LoadedCommunity | undefined) =>
    l?.access.pendingInvitation ? 0 : l?.member?.expires_at ? Date.parse(l.member.expires_at) : undefined;
  function cachedAccess(actor: Actor, key: string, find: () => Promise<repo.CommunityRow | undefined>) {
    const who = actor.kind === 'user' ? actor.userId : '';
    return accessCache.get(
      `${who}|${key}`,
      async () => {
        const row = await find();
        return row ? accessFor(db, actor, row, now()) : undefined;
      },
      until,
    );
  }

  /** The community by slug with the actor's access; 404 unless the actor may see it (as loadVisible). */
  async function load(actor: Actor, slug: string): Promise<LoadedCommunity> {
    const key = slug.toLowerCase();
    const loaded = await cachedAccess(actor, `slug:${key}`, () => repo.findCommunityBySlug(db, key));
    if (!loaded || !can(actor, 'community.see', loaded.access)) throw notFound('Community');
    return loaded;
  }

  return {
    load,
    detail,

    /** Creates the five default areas and communities once, on a fresh platform. */
    async ensureDefaults(): Promise<boolean> {
      if (await repo.getSetting(db, 'defaults_created')) return false;
      // Several instances starting at once race here: the loser's insert fails on a unique key,
      // and that is fine as long as the winner finished.
      await db
        .transaction()
        .execute(async (trx) => {
          if (await repo.getSetting(trx, 'defaults_created')) return;
          const at = now();
          for (const [i, a] of DEFAULT_AREAS.entries()) {
            const areaId = (await repo.findAreaBySlug(trx, a.slug))?.id ?? newId();
            if (!(await repo.findAreaBySlug(trx, a.slug))) {
              await repo.insertArea(trx, {
                id: areaId,
                slug: a.slug,
                name: a.name,
                description: a.description,
                position: (i + 1) * 10,
                created_at: at,
              });
            }
            if (!(await repo.findCommunityBySlug(trx, a.community.slug))) {
              const id = newId();
              await repo.insertCommunity(trx, {
                id,
                slug: a.community.slug,
                name: a.community.name,
                short_description: a.community.short,
                description: a.community.description,
                description_html: renderMarkdown(a.community.description),
                area_id: areaId,
                languages: 'en,fr,de,es',
                visibility: 'public',
                join_policy: 'open',
                stage: 'potential',
                member_count: 0,
                archived_at: null,
                created_by: null,
                created_at: at,
                updated_at: at,
                cover_upload_id: null,
              });
              await repo.insertStageChange(trx, {
                id: newId(),
                community_id: id,
                from_stage: null,
                to_stage: 'potential',
                note: 'Incubated by the platform',
                changed_by: null,
                created_at: at,
              });
            }
          }
          await repo.setSetting(trx, 'defaults_created', at);
        })
        .catch(async (err: unknown) => {
          if (!(await repo.getSetting(db, 'defaults_created'))) throw err;
        });
      return true;
    },

    async listAreas(actor: Actor): Promise<{ items: Area[] }> {
      const counts = await repo.countVisibleByArea(
        db,
        {
          userId: actor.kind === 'user' ? actor.userId : null,
          seesAll: can(actor, 'area.manage'),
          mine: false,
          includeArchived: false,
        },
        now(),
      );
      return { items: (await repo.listAreas(db)).map((a) => toArea(a, counts.get(a.id) ?? 0)) };
    },

    async createArea(actor: Actor, body: AreaCreateBody): Promise<Area> {
      assertCan(actor, 'area.manage');
      const row: repo.AreaRow = {
        id: newId(),
        slug: body.slug,
        name: body.name,
        description: body.description ?? '',
        position: body.position ?? ((await repo.listAreas(db)).at(-1)?.position ?? 0) + 10,
        created_at: now(),
      };
      if (await repo.findAreaBySlug(db, row.slug))
        throw new AppError('slug_taken', 'Another area uses this slug');
      await repo.insertArea(db, row);
      return toArea(row, 0);
    },

    async updateArea(actor: Actor, id: string, body: AreaUpdateBody): Promise<Area> {
      assertCan(actor, 'area.manage');
      if (!(await repo.findArea(db, id))) throw notFound('Area');
      await repo.updateArea(db, id, body);
      const items = (await this.listAreas(actor)).items;
      return items.find((a) => a.id === id)!;
    },

    async list(actor: Actor, query: ListQuery): Promise<CommunityListResponse> {
      const userId = actor.kind === 'user' ? actor.userId : null;
      let areaId: string | undefined;
      if (query.area) {
        areaId = (await repo.findAreaBySlug(db, query.area))?.id;
        if (!areaId) return { items: [], nextCursor: null, total: 0 };
      }
      const at = now();
      const { rows, total } = await repo.listCommunities(
        db,
        {
          userId,
          seesAll: can(actor, 'area.manage'),
          areaId,
          q: query.q || undefined,
          mine: query.scope === 'mine',
          includeArchived: query.includeArchived,
        },
        at,
        { after: decodeNameCursor(query.cursor), limit: query.limit },
      );
      const page = rows.slice(0, query.limit);
      const areas = new Map((await repo.listAreas(db)).map((a) => [a.id, a]));
      const mine = new Map(
        userId
          ? (
              await repo.membershipsOf(
                db,
                userId,
                page.map((r) => r.id),
              )
            ).map((m) => [m.community_id, m])
          : [],
      );
      const pendingRequests = new Set(
        userId && page.length
          ? (
              await db
                .selectFrom('membership_requests')
                .select('community_id')
                .where('user_id', '=', userId)
                .where('status', '=', 'pending')
                .where(
                  'community_id',
                  'in',
                  page.map((r) => r.id),
                )
                .execute()
            ).map((r) => r.community_id)
          : [],
      );
      const items = page.map((row) => {
        const m = mine.get(row.id);
        const member = m && (m.expires_at === null || m.expires_at > at) ? m : undefined;
        return toSummary(
          row,
          row.area_id ? areas.get(row.area_id) : undefined,
          toMy({
            visibility: row.visibility,
            joinPolicy: row.join_policy,
            archived: row.archived_at !== null,
            membership: member ? { role: member.role, status: member.status } : null,
            pendingRequest: pendingRequests.has(row.id),
            pendingInvitation: false,
          }),
        );
      });
      const last = page.at(-1);
      return {
        items,
        nextCursor: rows.length > query.limit && last ? encodeCursor(last.name, last.id) : null,
        total,
      };
    },

    /** The community and the actor's access to it, by id (for capabilities living inside communities). */
    async loadById(actor: Actor, id: string): Promise<LoadedCommunity | undefined> {
      return cachedAccess(actor, `id:${id}`, () => repo.findCommunityById(db, id));
    },

    /** A working group of a loaded community by slug, if the actor may see it (404 otherwise). */
    async groupFor(actor: Actor, loaded: LoadedCommunity, groupSlug: string) {
      const g = await db
        .selectFrom('working_groups')
        .selectAll()
        .where('community_id', '=', loaded.row.id)
        .where('slug', '=', groupSlug.toLowerCase())
        .executeTakeFirst();
      if (!g) throw notFound('Working group');
      const role =
        actor.kind === 'user'
          ? ((
              await db
                .selectFrom('working_group_members')
                .select('role')
                .where('group_id', '=', g.id)
                .where('user_id', '=', actor.userId)
                .executeTakeFirst()
            )?.role ?? null)
          : null;
      if (
        !can(actor, 'group.see', {
          community: loaded.access,
          visibility: g.visibility,
          archived: g.archived_at !== null,
          groupRole: role,
        })
      ) {
        throw notFound('Working group');
      }
      return g;
    },

    /** What the actor may do with a community's files (for the uploads capability). */
    async byId(actor: Actor, id: string) {
      const row = await repo.findCommunityById(db, id);
      if (!row) return { canSee: false, canRead: false, visibility: 'hidden' };
      const { access } = await accessFor(db, actor, row, now());
      return {
        canSee: can(actor, 'community.see', access),
        canRead: can(actor, 'community.read', access),
        visibility: row.visibility,
      };
    },

    async get(actor: Actor, slug: string): Promise<Community> {
      return detail(actor, await load(actor, slug));
    },

    async create(actor: Actor, input: CommunityCreateBody): Promise<Community> {
      assertCan(actor, 'community.create');
      const body = CommunityCreateBodySchema.parse(input);
      const cover = body.coverImageId ? await uploads.ownImage(actor, body.coverImageId) : undefined;
      const at = now();
      const id = newId();
      try {
        await db.transaction().execute(async (trx) => {
          if (await repo.findCommunityBySlug(trx, body.slug))
            throw new AppError('slug_taken', 'Another community uses this address');
          await assertArea(trx, body.areaId);
          await repo.insertCommunity(trx, {
            id,
            slug: body.slug,
            name: body.name,
            short_description: body.shortDescription,
            description: body.description,
            description_html: renderMarkdown(body.description),
            area_id: body.areaId,
            languages: [...new Set(body.languages)].join(','),
            visibility: body.visibility,
            join_policy: body.joinPolicy,
            stage: body.stage,
            member_count: 0,
            archived_at: null,
            created_by: actor.kind === 'user' && actor.via !== 'system' ? actor.userId : null,
            created_at: at,
            updated_at: at,
            cover_upload_id: cover?.id ?? null,
          });
          if (cover) await uploads.attach(trx, cover.id, id, 'cover');
          await repo.insertStageChange(trx, {
            id: newId(),
            community_id: id,
            from_stage: null,
            to_stage: body.stage,
            note: '',
            changed_by: actor.kind === 'user' && actor.via !== 'system' ? actor.userId : null,
            created_at: at,
          });
          for (const userId of new Set(body.facilitatorIds)) {
            if (!(await repo.userById(trx, userId))) {
              throw new AppError('validation_failed', 'Some fields are not valid', [
                { path: 'body.facilitatorIds', code: 'not_found', message: `No user ${userId}` },
              ]);
            }
            await repo.insertMember(trx, {
              community_id: id,
              user_id: userId,
              role: 'facilitator',
              status: 'active',
              joined_at: at,
              expires_at: null,
              suspended_reason: null,
            });
          }
          await repo.refreshMemberCount(trx, id);
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw new AppError('slug_taken', 'Another community uses this address');
        throw err;
      }
      return this.get(actor, body.slug);
    },

    async update(actor: Actor, slug: string, body: CommunityUpdateBody): Promise<Community> {
      const loaded = await load(actor, slug);
      assertCan(actor, 'community.update', loaded.access);
      if (loaded.access.archived)
        throw new AppError('community_archived', 'This community is archived; unarchive it first');
      await assertArea(db, body.areaId);
      const patch: Partial<repo.CommunityRow> = { updated_at: now() };
      if (body.name !== undefined) patch.name = body.name;
      if (body.shortDescription !== undefined) patch.short_description = body.shortDescription;
      if (body.description !== undefined) {
        patch.description = body.description;
        patch.description_html = renderMarkdown(body.description);
      }
      if (body.areaId !== undefined) patch.area_id = body.areaId;
      if (body.languages !== undefined) patch.languages = [...new Set(body.languages)].join(',');
      if (body.visibility !== undefined) patch.visibility = body.visibility;
      if (body.joinPolicy !== undefined) patch.join_policy = body.joinPolicy;
      const cover = body.coverImageId ? await uploads.ownImage(actor, body.coverImageId) : undefined;
      if (body.coverImageId !== undefined) patch.cover_upload_id = cover?.id ?? null;
      await db.transaction().execute(async (trx) => {
        await repo.updateCommunity(trx, loaded.row.id, patch);
        if (cover) await uploads.attach(trx, cover.id, loaded.row.id, 'cover');
      });
      return this.get(actor, slug);
    },

    async setArchived(actor: Actor, slug: string, archived: boolean): Promise<Community> {
      const loaded = await load(actor, slug);
      assertCan(actor, 'community.archive');
      await repo.updateCommunity(db, loaded.row.id, {
        archived_at: archived ? (loaded.row.archived_at ?? now()) : null,
        updated_at: now(),
      });
      return this.get(actor, slug);
    },

    async setStage(
      actor: Actor,
      slug: string,
      stage: repo.CommunityRow['stage'],
      note: string,
    ): Promise<Community> {
      const loaded = await load(actor, slug);
      assertCan(actor, 'community.setStage', loaded.access);
      if (loaded.row.stage !== stage) {
        await db.transaction().execute(async (trx) => {
          const at = now();
          await repo.updateCommunity(trx, loaded.row.id, { stage, updated_at: at });
          await repo.insertStageChange(trx, {
            id: newId(),
            community_id: loaded.row.id,
            from_stage: loaded.row.stage,
            to_stage: stage,
            note,
            changed_by: actor.kind === 'user' && actor.via !== 'system' ? actor.userId : null,
            created_at: at,
          });
        });
      }
      return this.get(actor, slug);
    },

    async stageHistory(actor: Actor, slug: string): Promise<{ items: StageChange[] }> {
      const loaded = await load(actor, slug);
      assertCan(actor, 'community.read', loaded.access);
      return { items: (await repo.listStageChanges(db, loaded.row.id)).map(toStageChange) };
    },

    /** Re-reads the actor's access to a community (after a membership change). */
    async reload(actor: Actor, row: repo.CommunityRow) {
      return accessFor(db, actor, (await repo.findCommunityById(db, row.id))!, now());
    },
  };
}
