import type { Kysely, Selectable } from 'kysely';
import type { DB, UploadsTable } from '../../db/schema.ts';

export type UploadRow = Selectable<UploadsTable>;
type Exec = Kysely<DB>;

export const insertUpload = (db: Exec, row: UploadRow) => db.insertInto('uploads').values(row).execute();
export const findUpload = (db: Exec, id: string) =>
  db.selectFrom('uploads').selectAll().where('id', '=', id).executeTakeFirst();
export const attachUpload = (db: Exec, id: string, communityId: string, purpose: UploadRow['purpose']) =>
  db.updateTable('uploads').set({ community_id: communityId, purpose }).where('id', '=', id).execute();

const FILE_LINK = /\/files\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/g;

/**
 * Images a member put in a post (`![…](/files/ID)`): their own uploads not used anywhere yet become
 * attachments of the community, so everyone who may read the post may load them. Others' files and files
 * used elsewhere are left alone.
 */
export async function attachFilesOf(exec: Exec, body: string, ownerId: string, communityId: string) {
  const ids = [...new Set([...body.matchAll(FILE_LINK)].map((m) => m[1]!))].slice(0, 50);
  if (ids.length === 0) return;
  await exec
    .updateTable('uploads')
    .set({ community_id: communityId, purpose: 'attachment' })
    .where('id', 'in', ids)
    .where('owner_id', '=', ownerId)
    .where('purpose', '=', 'unattached')
    .execute();
}
