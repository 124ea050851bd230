import { createBrowserRouter, type RouteObject } from 'react-router';
import { loadStrings, type Bundle } from './i18n/i18n.ts';
import { RootLayout } from './routes/root-layout.tsx';
import { RouteError } from './routes/route-error.tsx';

/**
 * A page's code and the strings it needs beyond the shell's (src/i18n/bundles.ts), loaded together before it
 * renders, so no raw key ever flashes. A nested page also has its parents' strings: React Router loads the
 * whole match before rendering. route-strings.test.ts checks each page lists what its components use.
 */
function page<T>(strings: readonly Bundle[], load: () => Promise<T>): () => Promise<T> {
  return async () => (await Promise.all([load(), loadStrings(strings)]))[0];
}

/** Every page is its own chunk, loaded when first visited. */
export const routes: RouteObject[] = [
  {
    path: '/',
    Component: RootLayout,
    children: [
      {
        ErrorBoundary: RouteError,
        children: [
          {
            index: true,
            lazy: page(['landing', 'community'], async () => ({
              Component: (await import('./routes/landing.tsx')).LandingPage,
            })),
          },
          {
            path: 'sign-up',
            lazy: page(['account'], async () => ({
              Component: (await import('./routes/auth/sign-up.tsx')).SignUpPage,
            })),
          },
          {
            path: 'check-email',
            lazy: page(['account'], async () => ({
              Component: (await import('./routes/auth/check-email.tsx')).CheckEmailPage,
            })),
          },
          {
            path: 'verify-email',
            lazy: page(['account'], async () => ({
              Component: (await import('./routes/auth/verify-email.tsx')).VerifyEmailPage,
            })),
          },
          {
            path: 'sign-in',
            lazy: page(['account'], async () => ({
              Component: (await import('./routes/auth/sign-in.tsx')).SignInPage,
            })),
          },
          {
            path: 'forgot-password',
            lazy: page(['account'], async () => ({
              Component: (await import('./routes/auth/forgot-password.tsx')).ForgotPasswordPage,
            })),
          },
          {
            path: 'reset-password',
            lazy: page(['account'], async () => ({
              Component: (await import('./routes/auth/reset-password.tsx')).ResetPasswordPage,
            })),
          },
          {
            path: 'confirm-email',
            lazy: page(['account'], async () => ({
              Component: (await import('./routes/auth/confirm-email.tsx')).ConfirmEmailPage,
            })),
          },
          {
            path: 'settings',
            lazy: page(['account'], async () => ({
              Component: (await import('./routes/settings/settings-page.tsx')).SettingsPage,
            })),
          },
          {
            path: 'setup',
            lazy: page(['account'], async () => ({
              Component: (await import('./routes/setup.tsx')).SetupPage,
            })),
          },
          {
            path: 'communities',
            lazy: page(['community', 'membership', 'admin'], async () => ({
              Component: (await import('./routes/communities/directory-page.tsx')).DirectoryPage,
            })),
          },
          {
            path: 'c/:slug',
            lazy: page(['community', 'membership'], async () => ({
              Component: (await import('./routes/community/community-layout.tsx')).CommunityLayout,
            })),
            children: [
              {
                index: true,
                lazy: page(['discussions'], async () => ({
                  Component: (await import('./routes/community/overview-page.tsx')).CommunityOverviewPage,
                })),
              },
              {
                path: 'discussions',
                lazy: page(['discussions'], async () => ({
                  Component: (await import('./routes/discussions/topics-page.tsx')).CommunityTopicsPage,
                })),
              },
              {
                path: 'discussions/new',
                lazy: page(['discussions'], async () => ({
                  Component: (await import('./routes/discussions/new-topic-page.tsx')).NewTopicPage,
                })),
              },
              {
                path: 'tags/:tag',
                lazy: page(['discussions'], async () => ({
                  Component: (await import('./routes/discussions/topics-page.tsx')).CommunityTopicsPage,
                })),
              },
              {
                path: 'members',
                lazy: page([], async () => ({
                  Component: (await import('./routes/community/members-page.tsx')).CommunityMembersPage,
                })),
              },
              {
                path: 'groups',
                lazy: page(['groups'], async () => ({
                  Component: (await import('./routes/community/groups-page.tsx')).CommunityGroupsPage,
                })),
              },
              {
                path: 'groups/:group',
                lazy: page(['groups', 'discussions'], async () => ({
                  Component: (await import('./routes/community/group-page.tsx')).GroupPage,
                })),
              },
              {
                path: 'about',
                lazy: page([], async () => ({
                  Component: (await import('./routes/community/about-page.tsx')).CommunityAboutPage,
                })),
              },
              {
                path: 'settings',
                lazy: page(['admin', 'groups'], async () => ({
                  Component: (await import('./routes/community/settings/settings-page.tsx'))
                    .CommunitySettingsPage,
                })),
              },
              {
                path: '*',
                lazy: page([], async () => ({
                  Component: (await import('./routes/community/section-not-found.tsx')).SectionNotFound,
                })),
              },
            ],
          },
          {
            // A thread gets the whole page (no community header): its own breadcrumb links back.
            path: 'c/:slug/t/:id',
            lazy: page(['community', 'discussions'], async () => ({
              Component: (await import('./routes/discussions/topic-page.tsx')).TopicPage,
            })),
          },
          {
            path: 'people/:id',
            lazy: page(['community'], async () => ({
              Component: (await import('./routes/people/person-page.tsx')).PersonPage,
            })),
          },
          {
            path: 'invitations/:token',
            lazy: page(['account', 'community', 'membership'], async () => ({
              Component: (await import('./routes/invitations/invitation-page.tsx')).InvitationPage,
            })),
          },
          {
            path: 'admin',
            lazy: page([], async () => ({
              Component: (await import('./routes/admin/admin-index.tsx')).AdminIndex,
            })),
          },
          {
            path: 'admin/communities',
            lazy: page(['admin', 'community', 'groups'], async () => ({
              Component: (await import('./routes/admin/admin-communities-page.tsx')).AdminCommunitiesPage,
            })),
          },
          {
            path: 'admin/communities/new',
            lazy: page(['admin', 'community', 'groups'], async () => ({
              Component: (await import('./routes/admin/create-community-page.tsx')).CreateCommunityPage,
            })),
          },
          {
            path: 'admin/areas',
            lazy: page(['admin', 'community', 'groups'], async () => ({
              Component: (await import('./routes/admin/admin-areas-page.tsx')).AdminAreasPage,
            })),
          },
          {
            path: 'admin/users',
            lazy: page(['admin'], async () => ({
              Component: (await import('./routes/admin/admin-users-page.tsx')).AdminUsersPage,
            })),
          },
          {
            path: '*',
            lazy: page([], async () => ({
              Component: (await import('./routes/not-found.tsx')).NotFoundPage,
            })),
          },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}

export type AppRouter = ReturnType<typeof createAppRouter>;

/** Resolves once the first route's code has loaded, so the first paint is the real page. */
export function routerReady(router: AppRouter): Promise<void> {
  return new Promise((resolve) => {
    if (router.state.initialized) return resolve();
    const unsubscribe = router.subscribe((state) => {
      if (!state.initialized) return;
      unsubscribe();
      resolve();
    });
  });
}
