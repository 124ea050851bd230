import type { TagRef, TopicSummary } from '@discuss/contracts';
import { Link } from 'react-router';
import { Badge } from '../../components/ui/badge.tsx';
import { CheckIcon, LockIcon, PinIcon } from '../../components/ui/icons.tsx';
import { useTranslation } from '../../i18n/i18n.ts';

/** Pinned, locked, solved: in words, with an icon. */
export function TopicBadges({ topic }: { topic: Pick<TopicSummary, 'pinned' | 'locked' | 'solved'> }) {
  const { t } = useTranslation();
  if (!topic.pinned && !topic.locked && !topic.solved) return null;
  return (
    <span className="topic-badges">
      {topic.pinned && (
        <Badge tone="info">
          <PinIcon className="icon--sm" />
          {t('discussions.pinned')}
        </Badge>
      )}
      {topic.solved && (
        <Badge tone="success">
          <CheckIcon className="icon--sm" />
          {t('discussions.solved')}
        </Badge>
      )}
      {topic.locked && (
        <Badge tone="warning">
          <LockIcon className="icon--sm" />
          {t('discussions.locked')}
        </Badge>
      )}
    </span>
  );
}

/** A topic's tags, each a link to the tag's page in its community. */
export function TopicTags({ slug, tags }: { slug: string; tags: TagRef[] }) {
  const { t } = useTranslation();
  if (tags.length === 0) return null;
  return (
    <ul className="tag-list" aria-label={t('discussions.tags')}>
      {tags.map((tag) => (
        <li key={tag.slug}>
          <Link className="tag" to={`/c/${slug}/tags/${encodeURIComponent(tag.slug)}`}>
            {tag.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
