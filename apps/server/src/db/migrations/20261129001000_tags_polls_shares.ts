import type { Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tags')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('community_id', 'varchar(64)', (c) =>
      c.notNull().references('communities.id').onDelete('cascade'),
    )
    .addColumn('slug', 'varchar(40)', (c) => c.notNull())
    .addColumn('name', 'varchar(40)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('tags_community_slug_uq', ['community_id', 'slug'])
    .execute();
  await db.schema
    .createTable('topic_tags')
    .addColumn('topic_id', 'varchar(64)', (c) => c.notNull().references('topics.id').onDelete('cascade'))
    .addColumn('tag_id', 'varchar(64)', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('topic_tags_pk', ['topic_id', 'tag_id'])
    .execute();
  await db.schema.createIndex('topic_tags_tag_idx').on('topic_tags').column('tag_id').execute();

  await db.schema
    .createTable('polls')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('topic_id', 'varchar(64)', (c) =>
      c.notNull().unique().references('topics.id').onDelete('cascade'),
    )
    .addColumn('question', 'varchar(300)', (c) => c.notNull())
    .addColumn('multiple', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('closes_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('poll_options')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('poll_id', 'varchar(64)', (c) => c.notNull().references('polls.id').onDelete('cascade'))
    .addColumn('label', 'varchar(200)', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('poll_options_poll_idx').on('poll_options').column('poll_id').execute();
  await db.schema
    .createTable('poll_votes')
    .addColumn('poll_id', 'varchar(64)', (c) => c.notNull().references('polls.id').onDelete('cascade'))
    .addColumn('option_id', 'varchar(64)', (c) =>
      c.notNull().references('poll_options.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('poll_votes_pk', ['option_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('poll_votes_poll_user_idx')
    .on('poll_votes')
    .columns(['poll_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('topic_shares')
    .addColumn('topic_id', 'varchar(64)', (c) => c.notNull().references('topics.id').onDelete('cascade'))
    .addColumn('community_id', 'varchar(64)', (c) =>
      c.notNull().references('communities.id').onDelete('cascade'),
    )
    .addColumn('shared_by', 'varchar(64)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('topic_shares_pk', ['topic_id', 'community_id'])
    .execute();
  await db.schema
    .createIndex('topic_shares_community_idx')
    .on('topic_shares')
    .columns(['community_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['topic_shares', 'poll_votes', 'poll_options', 'polls', 'topic_tags', 'tags']) {
    await db.schema.dropTable(t).execute();
  }
}
