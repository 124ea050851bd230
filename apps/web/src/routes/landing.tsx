import './landing.css';
import { Link, Navigate } from 'react-router';
import { useSession } from '../api/session.ts';
import { Badge } from '../components/ui/badge.tsx';
import { buttonClass } from '../components/ui/button.tsx';
import { BookIcon, CycleIcon, MessageIcon, NetworkIcon } from '../components/ui/icons.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { HeroArt } from './hero-art.tsx';
import { LandingCommunities } from './landing-communities.tsx';
import { useTranslation } from '../i18n/i18n.ts';

const FEATURES = [
  { key: 'share', Icon: BookIcon },
  { key: 'solve', Icon: MessageIcon },
  { key: 'inquire', Icon: CycleIcon },
  { key: 'network', Icon: NetworkIcon },
] as const;

const AUDIENCES = ['teachers', 'trainers', 'researchers', 'coordinators', 'learners', 'policy'] as const;

/** What DISCUSS is, who it is for, and the way in. */
export function LandingPage() {
  const { t } = useTranslation();
  const session = useSession();
  useDocumentTitle(t('landing.documentTitle'), true);
  if (session.data?.setupRequired) return <Navigate to="/setup" replace />;
  const user = session.data?.user;

  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <div className="container hero__inner">
          <div>
            <p className="hero__eyebrow">{t('landing.eyebrow')}</p>
            <h1 className="hero__title" id="hero-title" tabIndex={-1}>
              {t('landing.title')}
            </h1>
            <p className="hero__lead">{t('landing.lead')}</p>
            {user ? (
              <div className="hero__actions">
                <p>{t('landing.welcomeBack', { name: user.displayName })}</p>
                <div className="button-row">
                  <Link className={buttonClass('primary')} to="/communities">
                    {t('landing.ctaCommunities')}
                  </Link>
                  <Link className={buttonClass('secondary')} to="/settings">
                    {t('landing.ctaSettings')}
                  </Link>
                </div>
              </div>
            ) : (
              <div className="hero__actions button-row">
                <Link className={buttonClass('primary')} to="/sign-up">
                  {t('landing.ctaSignUp')}
                </Link>
                <Link className={buttonClass('secondary')} to="/sign-in">
                  {t('landing.ctaSignIn')}
                </Link>
              </div>
            )}
          </div>
          <HeroArt />
        </div>
      </section>

      <section className="container section" aria-labelledby="features-title">
        <div className="section__header">
          <h2 id="features-title">{t('landing.features.title')}</h2>
          <p>{t('landing.features.intro')}</p>
        </div>
        <ul className="feature-grid">
          {FEATURES.map(({ key, Icon }) => (
            <li key={key} className="card feature">
              <span className="feature__icon">
                <Icon />
              </span>
              <h3>{t(`landing.features.${key}.title`)}</h3>
              <p>{t(`landing.features.${key}.text`)}</p>
            </li>
          ))}
        </ul>
      </section>

      <section className="container section" aria-labelledby="audiences-title">
        <div className="section__header">
          <h2 id="audiences-title">{t('landing.audiences.title')}</h2>
          <p>{t('landing.audiences.intro')}</p>
        </div>
        <ul className="audiences">
          {AUDIENCES.map((key) => (
            <li key={key}>
              <Badge tone="info">{t(`landing.audiences.${key}`)}</Badge>
            </li>
          ))}
        </ul>
      </section>

      <section className="container section" id="communities" aria-labelledby="communities-title">
        <div className="section__header section__header--row">
          <div>
            <h2 id="communities-title">{t('landing.communities.title')}</h2>
            <p>{t('landing.communities.intro')}</p>
          </div>
          <Link to="/communities" className="section__more">
            {t('landing.communities.all')}
          </Link>
        </div>
        <LandingCommunities signedIn={!!user} />
      </section>
    </>
  );
}
