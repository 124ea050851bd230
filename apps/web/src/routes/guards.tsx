import type { Me } from '@discuss/contracts';
import { useEffect, type ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { useSession } from '../api/session.ts';
import { LoadingPage, Page, PageHeader } from '../components/page.tsx';
import { buttonClass } from '../components/ui/button.tsx';
import { useTranslation } from '../i18n/i18n.ts';
import { LoadError } from '../components/ui/load-error.tsx';

interface GuardProps {
  /** Heading shown while the session loads or fails, so the page always has its <h1>. */
  title: string;
  children: (me: Me) => ReactNode;
}

function SessionGate({ title, children, operator }: GuardProps & { operator: boolean }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const { refetch } = session;
  // A protected page asks the server again on every visit: a session ended elsewhere (sign-out of all
  // devices, password change, suspension) must not keep showing signed-in pages from the cache.
  useEffect(() => {
    void refetch();
  }, [location.pathname, refetch]);
  if (session.isPending) {
    return <LoadingPage title={title} />;
  }
  if (session.isError) {
    return (
      <Page>
        <PageHeader title={title} />
        <LoadError error={session.error} onRetry={() => void session.refetch()} />
      </Page>
    );
  }
  const me = session.data.user;
  if (!me) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  if (operator && !me.isOperator) {
    return (
      <Page>
        <PageHeader title={t('forbidden.title')} lead={t('forbidden.text')} />
        <Link className={buttonClass('secondary')} to="/">
          {t('common.goHome')}
        </Link>
      </Page>
    );
  }
  return children(me);
}

/** Renders its children for a signed-in person; sends guests to sign in and back. */
export function RequireSignIn(props: GuardProps) {
  return <SessionGate {...props} operator={false} />;
}

/** Renders its children for operators only; others see a "not allowed" page. */
export function RequireOperator(props: GuardProps) {
  return <SessionGate {...props} operator />;
}
