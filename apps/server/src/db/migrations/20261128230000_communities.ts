import type { Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('areas')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('slug', 'varchar(60)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('communities')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('slug', 'varchar(60)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('short_description', 'varchar(280)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('description_html', 'text', (c) => c.notNull())
    .addColumn('area_id', 'varchar(64)', (c) => c.references('areas.id').onDelete('set null'))
    .addColumn('languages', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('visibility', 'varchar(16)', (c) => c.notNull())
    .addColumn('join_policy', 'varchar(16)', (c) => c.notNull())
    .addColumn('stage', 'varchar(16)', (c) => c.notNull())
    .addColumn('member_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('archived_at', 'varchar(32)')
    .addColumn('created_by', 'varchar(64)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('communities_area_idx').on('communities').column('area_id').execute();

  await db.schema
    .createTable('community_members')
    .addColumn('community_id', 'varchar(64)', (c) =>
      c.notNull().references('communities.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('joined_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)')
    .addColumn('suspended_reason', 'text')
    .addPrimaryKeyConstraint('community_members_pk', ['community_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('community_members_user_idx')
    .on('community_members')
    .column('user_id')
    .execute();
  await db.schema
    .createIndex('community_members_list_idx')
    .on('community_members')
    .columns(['community_id', 'status', 'role'])
    .execute();

  await db.schema
    .createTable('membership_requests')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('community_id', 'varchar(64)', (c) =>
      c.notNull().references('communities.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('motivation', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('decided_by', 'varchar(64)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decision_note', 'text')
    .execute();
  await db.schema
    .createIndex('membership_requests_community_idx')
    .on('membership_requests')
    .columns(['community_id', 'status'])
    .execute();
  await db.schema
    .createIndex('membership_requests_user_idx')
    .on('membership_requests')
    .columns(['user_id', 'status'])
    .execute();

  await db.schema
    .createTable('invitations')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('community_id', 'varchar(64)', (c) =>
      c.notNull().references('communities.id').onDelete('cascade'),
    )
    .addColumn('email', 'varchar(254)')
    .addColumn('user_id', 'varchar(64)', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('access_days', 'integer')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'varchar(128)', (c) => c.notNull().unique())
    .addColumn('invited_by', 'varchar(64)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('responded_at', 'varchar(32)')
    .addColumn('accepted_by', 'varchar(64)', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('invitations_community_idx')
    .on('invitations')
    .columns(['community_id', 'status'])
    .execute();
  await db.schema
    .createIndex('invitations_user_idx')
    .on('invitations')
    .columns(['user_id', 'status'])
    .execute();
  await db.schema
    .createIndex('invitations_email_idx')
    .on('invitations')
    .columns(['email', 'status'])
    .execute();

  await db.schema
    .createTable('stage_changes')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('community_id', 'varchar(64)', (c) =>
      c.notNull().references('communities.id').onDelete('cascade'),
    )
    .addColumn('from_stage', 'varchar(16)')
    .addColumn('to_stage', 'varchar(16)', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'varchar(64)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('stage_changes_community_idx')
    .on('stage_changes')
    .columns(['community_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('working_groups')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('community_id', 'varchar(64)', (c) =>
      c.notNull().references('communities.id').onDelete('cascade'),
    )
    .addColumn('slug', 'varchar(60)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('visibility', 'varchar(16)', (c) => c.notNull())
    .addColumn('archived_at', 'varchar(32)')
    .addColumn('created_by', 'varchar(64)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('working_groups_slug_uq', ['community_id', 'slug'])
    .execute();

  await db.schema
    .createTable('working_group_members')
    .addColumn('group_id', 'varchar(64)', (c) =>
      c.notNull().references('working_groups.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('joined_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('working_group_members_pk', ['group_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('working_group_members_user_idx')
    .on('working_group_members')
    .column('user_id')
    .execute();

  await db.schema
    .createTable('platform_settings')
    .addColumn('key', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'platform_settings',
    'working_group_members',
    'working_groups',
    'stage_changes',
    'invitations',
    'membership_requests',
    'community_members',
    'communities',
    'areas',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
