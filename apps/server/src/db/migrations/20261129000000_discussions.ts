import type { Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('topics')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('community_id', 'varchar(64)', (c) =>
      c.notNull().references('communities.id').onDelete('cascade'),
    )
    .addColumn('group_id', 'varchar(64)', (c) => c.references('working_groups.id').onDelete('cascade'))
    .addColumn('author_id', 'varchar(64)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('post_count', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('last_post_number', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('last_post_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_poster_id', 'varchar(64)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('pinned_at', 'varchar(32)')
    .addColumn('locked_at', 'varchar(32)')
    .addColumn('solved_post_id', 'varchar(64)')
    .addColumn('deleted_at', 'varchar(32)')
    .addColumn('deleted_by', 'varchar(64)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  // One index per list order: latest activity, newest, most active (keyset paging on each).
  await db.schema
    .createIndex('topics_latest_idx')
    .on('topics')
    .columns(['community_id', 'group_id', 'last_post_at', 'id'])
    .execute();
  await db.schema
    .createIndex('topics_newest_idx')
    .on('topics')
    .columns(['community_id', 'group_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('topics_active_idx')
    .on('topics')
    .columns(['community_id', 'group_id', 'post_count', 'id'])
    .execute();

  await db.schema
    .createTable('posts')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('topic_id', 'varchar(64)', (c) => c.notNull().references('topics.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('author_id', 'varchar(64)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('reply_to_number', 'integer')
    .addColumn('edit_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('edited_at', 'varchar(32)')
    .addColumn('deleted_at', 'varchar(32)')
    .addColumn('deleted_by', 'varchar(64)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('posts_topic_number_uq', ['topic_id', 'number'])
    .execute();

  await db.schema
    .createTable('post_revisions')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('post_id', 'varchar(64)', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('edited_by', 'varchar(64)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('post_revisions_uq', ['post_id', 'revision'])
    .execute();

  await db.schema
    .createTable('reactions')
    .addColumn('post_id', 'varchar(64)', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('reactions_pk', ['post_id', 'user_id', 'kind'])
    .execute();

  await db.schema
    .createTable('topic_reads')
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('topic_id', 'varchar(64)', (c) => c.notNull().references('topics.id').onDelete('cascade'))
    .addColumn('last_read_number', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('topic_reads_pk', ['user_id', 'topic_id'])
    .execute();

  await db.schema
    .createTable('mentions')
    .addColumn('post_id', 'varchar(64)', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('mentions_pk', ['post_id', 'user_id'])
    .execute();
  await db.schema.createIndex('mentions_user_idx').on('mentions').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['mentions', 'topic_reads', 'reactions', 'post_revisions', 'posts', 'topics']) {
    await db.schema.dropTable(t).execute();
  }
}
