import type { Migration } from 'kysely';
import * as m20261128220000 from './20261128220000_accounts.ts';
import * as m20261128230000 from './20261128230000_communities.ts';
import * as m20261128233000 from './20261128233000_uploads.ts';
import * as m20261129000000 from './20261129000000_discussions.ts';
import * as m20261129001000 from './20261129001000_tags_polls_shares.ts';
import * as m20261129003000 from './20261129003000_discussion_indexes.ts';
import * as m20261130000000 from './20261130000000_reaction_pages.ts';
import * as m20261130001000 from './20261130001000_topic_readers.ts';

/** Every migration, in order. Append new ones; never edit or reorder landed ones. */
export const migrations: Record<string, Migration> = {
  '20261128220000_accounts': m20261128220000,
  '20261128230000_communities': m20261128230000,
  '20261128233000_uploads': m20261128233000,
  '20261129000000_discussions': m20261129000000,
  '20261129001000_tags_polls_shares': m20261129001000,
  '20261129003000_discussion_indexes': m20261129003000,
  '20261130000000_reaction_pages': m20261130000000,
  '20261130001000_topic_readers': m20261130001000,
};
