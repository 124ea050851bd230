import type { PersonProfile } from '@discuss/contracts';
import { Link, useParams } from 'react-router';
import { usePerson } from '../../api/people.ts';
import { useMe } from '../../api/session.ts';
import { Avatar } from '../../components/avatar.tsx';
import { RoleBadge } from '../../components/community-badges.tsx';
import { LoadingPage, Page, PageHeader } from '../../components/page.tsx';
import { buttonClass } from '../../components/ui/button.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { UserIcon, UsersIcon } from '../../components/ui/icons.tsx';
import { currentLocale, useTranslation } from '../../i18n/i18n.ts';
import { isApiError } from '../../lib/error-message.ts';
import { formatDate } from '../../lib/format.ts';
import './person-page.css';
import { LoadError } from '../../components/ui/load-error.tsx';

/** `/people/:id`, where mentions link: a person and the communities (that the viewer may see) they are in. */
export function PersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const person = usePerson(id);

  if (person.isPending) {
    return <LoadingPage title={t('people.loading')} />;
  }
  if (person.isError) {
    const missing = isApiError(person.error, 'not_found');
    return (
      <Page>
        <PageHeader title={missing ? t('people.notFoundTitle') : t('people.errorTitle')} />
        {missing ? (
          <EmptyState
            headingLevel={2}
            icon={<UserIcon />}
            title={t('people.notFoundTitle')}
            action={
              <Link className={buttonClass('secondary')} to="/communities">
                {t('community.browseAll')}
              </Link>
            }
          >
            {t('people.notFoundText')}
          </EmptyState>
        ) : (
          <LoadError error={person.error} onRetry={() => void person.refetch()} />
        )}
      </Page>
    );
  }
  return <Profile profile={person.data} />;
}

function Profile({ profile }: { profile: PersonProfile }) {
  const { t } = useTranslation();
  const me = useMe();
  const locale = currentLocale();
  const self = me?.id === profile.person.id;
  const name = profile.person.displayName;
  return (
    <Page>
      <div className="person-head">
        <Avatar name={name} />
        <PageHeader title={name} lead={self ? t('people.selfLead') : undefined} />
      </div>
      {self && (
        <p>
          <Link to="/settings">{t('people.editProfile')}</Link>
        </p>
      )}
      <section aria-labelledby="person-communities" className="stack">
        <h2 id="person-communities">{t('people.communitiesTitle')}</h2>
        {profile.communities.length === 0 ? (
          <EmptyState
            icon={<UsersIcon />}
            title={t('people.noCommunitiesTitle')}
            action={
              <Link className={buttonClass('secondary')} to="/communities">
                {t('community.browseAll')}
              </Link>
            }
          >
            {t('people.noCommunitiesText')}
          </EmptyState>
        ) : (
          <>
            {!self && <p className="list__meta">{t('people.communitiesLead', { name })}</p>}
            <ul className="list">
              {profile.communities.map((m) => (
                <li key={m.slug} className="list__item">
                  <div className="list__main">
                    <p className="list__title">
                      <Link to={`/c/${m.slug}`}>{m.name}</Link>
                      <RoleBadge role={m.role} />
                    </p>
                    <p className="list__meta">
                      {t('community.members.joined', { date: formatDate(m.joinedAt, locale) })}
                    </p>
                  </div>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </Page>
  );
}
