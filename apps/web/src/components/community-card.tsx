import type { CommunitySummary } from '@discuss/contracts';
import { Link } from 'react-router';
import {
  ArchivedBadge,
  JoinPolicyText,
  MemberCount,
  MyStatusBadge,
  StageBadge,
  VisibilityBadge,
} from './community-badges.tsx';
import { useTranslation } from '../i18n/i18n.ts';

interface CommunityCardProps {
  community: CommunitySummary;
  /** Heading level of the name, to keep the page outline right. */
  level?: 2 | 3;
}

/** One community in a grid: what it is about, who can join and how, and where the viewer stands. */
export function CommunityCard({ community, level = 3 }: CommunityCardProps) {
  const { t } = useTranslation();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <article className="community-card">
      {community.coverImageUrl && (
        // Decorative: the name and description say what the community is.
        <img className="community-card__cover" src={community.coverImageUrl} alt="" loading="lazy" />
      )}
      <p className="community-card__area">{community.area?.name ?? t('community.noArea')}</p>
      <Heading className="community-card__name">
        <Link to={`/c/${community.slug}`} className="community-card__link">
          {community.name}
        </Link>
      </Heading>
      <p className="community-card__description">{community.shortDescription}</p>
      <div className="community-card__badges">
        <MyStatusBadge my={community.my} />
        <VisibilityBadge visibility={community.visibility} />
        <StageBadge stage={community.stage} />
        {community.archived && <ArchivedBadge />}
      </div>
      <p className="community-card__meta">
        <MemberCount count={community.memberCount} />
        <span className="meta-item">
          <JoinPolicyText policy={community.joinPolicy} />
        </span>
      </p>
    </article>
  );
}
