import type { Kysely, Selectable } from 'kysely';
import type { DB, UploadsTable } from '../../db/schema.ts';

export type UploadRow = Selectable<UploadsTable>;
type Exec = Kysely<DB>;

export const insertUpload = (db: Exec, row: UploadRow) => db.insertInto('uploads').values(row).execute();
export const findUpload = (db: Exec, id: string) =>
  db.selectFrom('uploads').selectAll().where('id', '=', id).executeTakeFirst();
export const attachUpload = (db: Exec, id: string, communityId: string, purpose: UploadRow['purpose']) =>
  db.updateTable('uploads').set({ community_id: communityId, purpose }).where('id', '=', id).execute();
