import type { PersonRef } from '@discuss/contracts';
import { Link } from 'react-router';
import { Avatar } from '../../components/avatar.tsx';
import { SanitizedHtml } from '../../components/sanitized-html.tsx';
import { buttonClass } from '../../components/ui/button.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { LockIcon } from '../../components/ui/icons.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { RecentTopics } from '../discussions/recent-topics.tsx';
import { useCommunityContext } from './community-context.ts';
import { useTranslation } from '../../i18n/i18n.ts';

/** `/c/:slug`: the showcase everyone who may see the community gets, and the members' workroom. */
export function CommunityOverviewPage() {
  const { t } = useTranslation();
  const { community: c, me } = useCommunityContext();
  useDocumentTitle(c.name);

  return (
    <div className="community-columns">
      <div className="community-main stack">
        <section aria-labelledby="about-title">
          <h2 id="about-title">{t('community.overview.aboutTitle')}</h2>
          {c.descriptionHtml.trim() ? (
            <SanitizedHtml html={c.descriptionHtml} />
          ) : (
            <p className="muted">{c.shortDescription}</p>
          )}
        </section>
        <section aria-labelledby="activity-title">
          <h2 id="activity-title">{t('community.overview.activityTitle')}</h2>
          {c.can.readContent ? (
            <RecentTopics slug={c.slug} canStart={c.can.startTopic} />
          ) : (
            <EmptyState
              icon={<LockIcon />}
              title={t('community.overview.membersOnlyTitle')}
              action={
                me ? undefined : (
                  <Link
                    className={buttonClass('secondary')}
                    to={`/sign-in?next=${encodeURIComponent(`/c/${c.slug}`)}`}
                  >
                    {t('nav.signIn')}
                  </Link>
                )
              }
            >
              {t('community.overview.membersOnlyText')}
            </EmptyState>
          )}
        </section>
      </div>
      <aside className="community-aside stack" aria-label={t('community.overview.asideLabel')}>
        <PeopleList
          title={t('community.overview.facilitators')}
          people={c.facilitators}
          empty={t('community.overview.noFacilitators')}
        />
        {c.moderators.length > 0 && (
          <PeopleList title={t('community.overview.moderators')} people={c.moderators} />
        )}
        {c.can.readContent && (
          <div className="aside-box">
            <h2 className="aside-box__title">{t('community.overview.workroom')}</h2>
            <ul className="link-list">
              <li>
                <Link to={`/c/${c.slug}/members`}>{t('community.overview.seeMembers')}</Link>
              </li>
              <li>
                <Link to={`/c/${c.slug}/groups`}>
                  {t('community.overview.seeGroups', { count: c.groupCount })}
                </Link>
              </li>
              <li>
                <Link to={`/c/${c.slug}/about`}>{t('community.overview.seeHistory')}</Link>
              </li>
            </ul>
          </div>
        )}
      </aside>
    </div>
  );
}

function PeopleList({ title, people, empty }: { title: string; people: PersonRef[]; empty?: string }) {
  return (
    <div className="aside-box">
      <h2 className="aside-box__title">{title}</h2>
      {people.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="people-list">
          {people.map((person) => (
            <li key={person.id}>
              <Avatar name={person.displayName} />
              {person.displayName}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
