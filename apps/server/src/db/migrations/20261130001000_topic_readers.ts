import type { Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
//
// A topic's readers (who has a read position on it) are read by topic: the primary key starts with the
// member, so this index serves that range, and it also serves the cascade when a topic is deleted.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('topic_reads_topic_idx')
    .on('topic_reads')
    .columns(['topic_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('topic_reads_topic_idx').execute();
}
