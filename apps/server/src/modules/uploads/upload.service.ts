import type { Upload } from '@discuss/contracts';
import { UPLOAD_LIMITS } from '@discuss/contracts';
import { fileTypeFromBuffer } from 'file-type';
import type { Kysely } from 'kysely';
import type { Readable } from 'node:stream';
import type { DB } from '../../db/schema.ts';
import { iso, type Clock } from '../../platform/clock.ts';
import { newId, randomToken } from '../../platform/crypto.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { requireUser, type Actor } from '../../platform/policy.ts';
import type { RateLimiter } from '../../platform/rate-limit.ts';
import type { Storage } from '../../platform/storage.ts';
import * as repo from './upload.repository.ts';

export interface UploadServiceDeps {
  db: Kysely<DB>;
  clock: Clock;
  storage: Storage;
  limiter: RateLimiter;
  /** What the actor may do with a community's files (given by the communities capability). */
  communityAccess: (
    actor: Actor,
    communityId: string,
  ) => Promise<{ canSee: boolean; canRead: boolean; visibility: string }>;
}

export interface ServedFile {
  stream: Readable;
  mediaType: string;
  size: number;
  name: string;
  /** Whether anyone may cache it (files of public showcases). */
  isPublic: boolean;
}

const cleanName = (name: string) =>
  name
    .replace(/[^\p{L}\p{N}._ -]+/gu, '_')
    .replace(/^[.\s]+/, '')
    .slice(0, 120) || 'file';

export const toUpload = (r: repo.UploadRow): Upload => ({
  id: r.id,
  url: `/files/${r.id}`,
  mediaType: r.media_type,
  size: r.size,
  name: r.original_name,
  createdAt: r.created_at,
});

export type UploadService = ReturnType<typeof createUploadService>;

/** Stores uploads after checking their type from the content, and serves them under the space's rules. */
export function createUploadService({ db, clock, storage, limiter, communityAccess }: UploadServiceDeps) {
  return {
    /** Stores an image the actor uploaded; unattached, it is visible to its owner only. */
    async create(actor: Actor, data: Buffer, name: string): Promise<Upload> {
      const user = requireUser(actor);
      await limiter.consume('uploadActor', user.userId);
      if (data.length === 0) throw new AppError('bad_request', 'The file is empty');
      if (data.length > UPLOAD_LIMITS.maxBytes)
        throw new AppError('payload_too_large', 'The file is larger than 5 MiB');
      const detected = await fileTypeFromBuffer(data);
      const types: readonly string[] = UPLOAD_LIMITS.imageTypes;
      if (!detected || !types.includes(detected.mime)) {
        throw new AppError('unsupported_file_type', 'Upload a PNG, JPEG, GIF or WebP image', {
          allowed: UPLOAD_LIMITS.imageTypes,
        });
      }
      const row: repo.UploadRow = {
        id: newId(),
        owner_id: user.via === 'system' ? null : user.userId,
        community_id: null,
        purpose: 'unattached',
        media_type: detected.mime,
        size: data.length,
        storage_key: randomToken(24),
        original_name: cleanName(name),
        created_at: iso(clock.now()),
      };
      await storage.put(row.storage_key, data);
      await repo.insertUpload(db, row);
      return toUpload(row);
    },

    /** Checks that the actor may attach the upload (their own image, not attached elsewhere). */
    async ownImage(actor: Actor, id: string): Promise<repo.UploadRow> {
      const user = requireUser(actor);
      const row = await repo.findUpload(db, id);
      const mine = row && (row.owner_id === user.userId || user.isOperator);
      if (!row || !mine) throw notFound('Upload');
      if (row.purpose !== 'unattached' && row.purpose !== 'cover')
        throw new AppError('conflict', 'This file is already used elsewhere');
      return row;
    },

    attach: (exec: Kysely<DB>, id: string, communityId: string, purpose: repo.UploadRow['purpose']) =>
      repo.attachUpload(exec, id, communityId, purpose),

    /** Makes the author's own images in a post (`/files/ID`) readable by the community's readers. */
    attachFilesOf: (exec: Kysely<DB>, body: string, ownerId: string, communityId: string) =>
      repo.attachFilesOf(exec, body, ownerId, communityId),

    /**
     * A file for the actor, checked on every request: covers follow who may see the community,
     * attachments who may read it, unattached files only their owner. Otherwise 404, like a missing file.
     */
    async open(actor: Actor, id: string): Promise<ServedFile> {
      const row = await repo.findUpload(db, id);
      if (!row) throw notFound('File');
      let isPublic = false;
      if (row.community_id) {
        const community = await communityAccess(actor, row.community_id);
        const allowed = row.purpose === 'cover' ? community.canSee : community.canRead;
        if (!allowed) throw notFound('File');
        isPublic = community.visibility === 'public' && row.purpose === 'cover';
      } else if (!(actor.kind === 'user' && (actor.userId === row.owner_id || actor.isOperator))) {
        throw notFound('File');
      }
      const stream = await storage.get(row.storage_key);
      if (!stream) throw notFound('File');
      return { stream, mediaType: row.media_type, size: row.size, name: row.original_name, isPublic };
    },
  };
}
