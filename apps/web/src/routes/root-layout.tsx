import type { Locale } from '@discuss/contracts';
import { useEffect, useRef } from 'react';
import { Outlet, ScrollRestoration, useLocation, useNavigate, useNavigation } from 'react-router';
import { useUpdateMe } from '../api/account.ts';
import { useSignOut } from '../api/auth.ts';
import { useMyInvitations } from '../api/invitations.ts';
import { useSession } from '../api/session.ts';
import { Footer } from '../components/footer.tsx';
import { Header } from '../components/header.tsx';
import { SkipLink } from '../components/skip-link.tsx';
import { useToast } from '../components/ui/toast.tsx';
import { currentLocale, setLocale, useTranslation } from '../i18n/i18n.ts';
import { useTheme } from '../lib/theme.ts';

/** After a client-side navigation, move focus to the new page's heading so screen readers announce it. */
function useFocusOnNavigate(): void {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const target = document.querySelector<HTMLElement>('main h1') ?? document.getElementById('main');
    target?.focus({ preventScroll: true });
  }, [pathname]);
}

/** Apply the language saved in the profile when someone signs in (or returns signed in). */
function useProfileLocale(): void {
  const session = useSession();
  const userId = session.data?.user?.id;
  const userLocale = session.data?.user?.locale;
  useEffect(() => {
    if (userId && userLocale && userLocale !== currentLocale()) void setLocale(userLocale);
  }, [userId, userLocale]);
}

export function RootLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const user = session.data ? session.data.user : session.isError ? null : undefined;
  const invitations = useMyInvitations(!!user);
  const [theme, setTheme] = useTheme();
  const updateMe = useUpdateMe();
  const signOut = useSignOut();
  const toast = useToast();
  const navigate = useNavigate();
  const loading = useNavigation().state === 'loading';
  useFocusOnNavigate();
  useProfileLocale();

  function changeLocale(locale: Locale) {
    void setLocale(locale);
    if (user) {
      updateMe.mutate({ locale }, { onError: () => toast(t('header.languageNotSaved'), 'error') });
    }
  }

  async function handleSignOut() {
    // Leave the page first: on a page that needs sign-in, its guard would otherwise race us to /sign-in.
    await navigate('/');
    signOut.mutate(undefined, {
      onSuccess: () => toast(t('header.signedOut'), 'info'),
      onError: () => toast(t('errors.unexpected'), 'error'),
    });
  }

  return (
    <div className="app">
      {loading && <div className="nav-progress" aria-hidden="true" />}
      <SkipLink />
      <Header
        user={user}
        setupRequired={session.data?.setupRequired ?? false}
        locale={currentLocale()}
        onLocaleChange={changeLocale}
        theme={theme}
        onThemeChange={setTheme}
        onSignOut={() => void handleSignOut()}
        invitationCount={user ? (invitations.data?.items.length ?? 0) : 0}
      />
      <main id="main" className="site-main" tabIndex={-1}>
        <Outlet />
      </main>
      <Footer />
      <ScrollRestoration />
    </div>
  );
}
