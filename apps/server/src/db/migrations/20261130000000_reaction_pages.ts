import { sql, type Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
//
// A page of a thread read its reactions post by post (one index seek per post, then a GROUP BY); with the
// topic and the post's number on each reaction, the whole page's reactions are one range of one index
// (decision 0020). Both never change for a reaction: posts do not move between topics or renumber. The
// columns stay nullable in the database (SQLite cannot add a NOT NULL column without a constant default);
// every write sets them and existing rows are filled here.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reactions').addColumn('topic_id', 'varchar(64)').execute();
  await db.schema.alterTable('reactions').addColumn('post_number', 'integer').execute();
  await sql`update reactions set
      topic_id = (select p.topic_id from posts p where p.id = reactions.post_id),
      post_number = (select p.number from posts p where p.id = reactions.post_id)`.execute(db);
  await db.schema
    .createIndex('reactions_page_idx')
    .on('reactions')
    .columns(['topic_id', 'post_number', 'kind', 'user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('reactions_page_idx').execute();
  await db.schema.alterTable('reactions').dropColumn('post_number').execute();
  await db.schema.alterTable('reactions').dropColumn('topic_id').execute();
}
