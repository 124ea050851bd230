import { sql, type Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // Pinned topics open every topic list: without this, finding them reads every topic of the community.
  // Partial, so it holds only the few pinned ones.
  await db.schema
    .createIndex('topics_pinned_idx')
    .on('topics')
    .columns(['community_id', 'group_id', 'pinned_at'])
    .where(sql.ref('pinned_at'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('topics_pinned_idx').execute();
}
