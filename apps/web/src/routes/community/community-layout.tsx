import './community.css';
import { useEffect, useRef } from 'react';
import { Link, Outlet, useLocation, useParams } from 'react-router';
import { useCommunity } from '../../api/communities.ts';
import { useSession } from '../../api/session.ts';
import {
  ArchivedBadge,
  JoinPolicyText,
  MemberCount,
  StageBadge,
  VisibilityBadge,
} from '../../components/community-badges.tsx';
import { LoadingPage, Page, PageHeader } from '../../components/page.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { buttonClass } from '../../components/ui/button.tsx';
import { GlobeIcon } from '../../components/ui/icons.tsx';
import { NavTabs } from '../../components/ui/nav-tabs.tsx';
import { currentLocale, useTranslation } from '../../i18n/i18n.ts';
import { isApiError } from '../../lib/error-message.ts';
import { formatList, languageName } from '../../lib/format.ts';
import type { CommunityContext } from './community-context.ts';
import { MembershipPanel } from './membership-panel.tsx';
import { LoadError } from '../../components/ui/load-error.tsx';

/** `/c/:slug` and its sections: the community's header, its section tabs, then the section. */
export function CommunityLayout() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const session = useSession();
  const community = useCommunity(slug);

  if (community.isPending) {
    return <LoadingPage title={t('community.loadingTitle')} />;
  }
  if (community.isError) {
    if (isApiError(community.error, 'not_found'))
      return <CommunityNotFound signedIn={!!session.data?.user} />;
    return (
      <Page>
        <PageHeader title={t('community.errorTitle')} />
        <LoadError error={community.error} onRetry={() => void community.refetch()} />
      </Page>
    );
  }

  const c = community.data;
  const me = session.data?.user ?? null;
  const manages = c.can.update || c.can.manageMembers || c.can.invite || c.can.setStage || c.can.createGroup;
  const context: CommunityContext = { community: c, me };
  const locale = currentLocale();
  const base = `/c/${c.slug}`;

  return (
    <>
      <div className="community-hero">
        <div className="container">
          <nav aria-label={t('community.breadcrumb')}>
            <ol className="breadcrumb">
              <li>
                <Link to="/communities">{t('communities.title')}</Link>
              </li>
              {c.area && (
                <li>
                  <Link to={`/communities?area=${encodeURIComponent(c.area.slug)}`}>{c.area.name}</Link>
                </li>
              )}
            </ol>
          </nav>
          {c.coverImageUrl && <img className="community-hero__cover" src={c.coverImageUrl} alt="" />}
          <div className="community-hero__grid">
            <div className="community-hero__text">
              <CommunityTitle name={c.name} />
              <p className="community-hero__lead">{c.shortDescription}</p>
              <ul className="community-hero__facts" aria-label={t('community.factsLabel')}>
                <li>
                  <VisibilityBadge visibility={c.visibility} />
                </li>
                <li>
                  <StageBadge stage={c.stage} />
                </li>
                {c.archived && (
                  <li>
                    <ArchivedBadge />
                  </li>
                )}
                <li>
                  <MemberCount count={c.memberCount} />
                </li>
                <li className="meta-item">
                  <JoinPolicyText policy={c.joinPolicy} />
                </li>
                {c.languages.length > 0 && (
                  <li className="meta-item">
                    <GlobeIcon className="icon--sm" />
                    <span className="visually-hidden">{t('community.languages')}: </span>
                    {formatList(
                      c.languages.map((code) => languageName(code, locale)),
                      locale,
                    )}
                  </li>
                )}
              </ul>
            </div>
            <MembershipPanel community={c} me={me} />
          </div>
          {c.archived && (
            <Alert tone="warning" title={t('community.archivedTitle')} className="section-gap">
              <p>{t('community.archivedText')}</p>
            </Alert>
          )}
          {c.pendingRequestCount > 0 && c.can.manageMembers && (
            <p className="community-hero__notice">
              <Link to={`${base}/settings?tab=requests`}>
                {t('community.requestsWaiting', { count: c.pendingRequestCount })}
              </Link>
            </p>
          )}
        </div>
      </div>
      <div className="container">
        <NavTabs
          label={t('community.sectionsLabel')}
          items={[
            { to: base, label: t('community.tabs.overview'), end: true },
            ...(c.can.readContent
              ? [
                  {
                    to: `${base}/discussions`,
                    label: t('community.tabs.discussions'),
                    also: `${base}/tags`,
                  },
                  { to: `${base}/members`, label: t('community.tabs.members') },
                  { to: `${base}/groups`, label: t('community.tabs.groups') },
                ]
              : []),
            { to: `${base}/about`, label: t('community.tabs.about') },
            ...(manages ? [{ to: `${base}/settings`, label: t('community.tabs.settings') }] : []),
          ]}
        />
      </div>
      <div className="container community-body">
        <Outlet context={context} />
      </div>
    </>
  );
}

/**
 * The page's <h1>. It appears once the community has loaded, after the navigation focus already went to the
 * loading heading: take focus then, unless the person has moved on to something else.
 */
function CommunityTitle({ name }: { name: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body) ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="community-hero__title">
      {name}
    </h1>
  );
}

/** Missing and private look the same (SECURITY.md rule 2): say what may have happened and where to go. */
function CommunityNotFound({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Page>
      <PageHeader title={t('community.notFoundTitle')} lead={t('community.notFoundText')} />
      <div className="button-row">
        <Link className={buttonClass('primary')} to="/communities">
          {t('community.browseAll')}
        </Link>
        {!signedIn && (
          <Link className={buttonClass('secondary')} to={`/sign-in?next=${encodeURIComponent(pathname)}`}>
            {t('nav.signIn')}
          </Link>
        )}
      </div>
    </Page>
  );
}
