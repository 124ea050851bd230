import { createBrowserRouter, type RouteObject } from 'react-router';
import { RootLayout } from './routes/root-layout.tsx';
import { RouteError } from './routes/route-error.tsx';

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
            lazy: async () => ({ Component: (await import('./routes/landing.tsx')).LandingPage }),
          },
          {
            path: 'sign-up',
            lazy: async () => ({ Component: (await import('./routes/auth/sign-up.tsx')).SignUpPage }),
          },
          {
            path: 'check-email',
            lazy: async () => ({ Component: (await import('./routes/auth/check-email.tsx')).CheckEmailPage }),
          },
          {
            path: 'verify-email',
            lazy: async () => ({
              Component: (await import('./routes/auth/verify-email.tsx')).VerifyEmailPage,
            }),
          },
          {
            path: 'sign-in',
            lazy: async () => ({ Component: (await import('./routes/auth/sign-in.tsx')).SignInPage }),
          },
          {
            path: 'forgot-password',
            lazy: async () => ({
              Component: (await import('./routes/auth/forgot-password.tsx')).ForgotPasswordPage,
            }),
          },
          {
            path: 'reset-password',
            lazy: async () => ({
              Component: (await import('./routes/auth/reset-password.tsx')).ResetPasswordPage,
            }),
          },
          {
            path: 'confirm-email',
            lazy: async () => ({
              Component: (await import('./routes/auth/confirm-email.tsx')).ConfirmEmailPage,
            }),
          },
          {
            path: 'settings',
            lazy: async () => ({
              Component: (await import('./routes/settings/settings-page.tsx')).SettingsPage,
            }),
          },
          {
            path: 'setup',
            lazy: async () => ({ Component: (await import('./routes/setup.tsx')).SetupPage }),
          },
          {
            path: 'communities',
            lazy: async () => ({
              Component: (await import('./routes/communities/directory-page.tsx')).DirectoryPage,
            }),
          },
          {
            path: 'c/:slug',
            lazy: async () => ({
              Component: (await import('./routes/community/community-layout.tsx')).CommunityLayout,
            }),
            children: [
              {
                index: true,
                lazy: async () => ({
                  Component: (await import('./routes/community/overview-page.tsx')).CommunityOverviewPage,
                }),
              },
              {
                path: 'discussions',
                lazy: async () => ({
                  Component: (await import('./routes/discussions/topics-page.tsx')).CommunityTopicsPage,
                }),
              },
              {
                path: 'discussions/new',
                lazy: async () => ({
                  Component: (await import('./routes/discussions/new-topic-page.tsx')).NewTopicPage,
                }),
              },
              {
                path: 'tags/:tag',
                lazy: async () => ({
                  Component: (await import('./routes/discussions/topics-page.tsx')).CommunityTopicsPage,
                }),
              },
              {
                path: 'members',
                lazy: async () => ({
                  Component: (await import('./routes/community/members-page.tsx')).CommunityMembersPage,
                }),
              },
              {
                path: 'groups',
                lazy: async () => ({
                  Component: (await import('./routes/community/groups-page.tsx')).CommunityGroupsPage,
                }),
              },
              {
                path: 'groups/:group',
                lazy: async () => ({
                  Component: (await import('./routes/community/group-page.tsx')).GroupPage,
                }),
              },
              {
                path: 'about',
                lazy: async () => ({
                  Component: (await import('./routes/community/about-page.tsx')).CommunityAboutPage,
                }),
              },
              {
                path: 'settings',
                lazy: async () => ({
                  Component: (await import('./routes/community/settings/settings-page.tsx'))
                    .CommunitySettingsPage,
                }),
              },
              {
                path: '*',
                lazy: async () => ({
                  Component: (await import('./routes/community/section-not-found.tsx')).SectionNotFound,
                }),
              },
            ],
          },
          {
            // A thread gets the whole page (no community header): its own breadcrumb links back.
            path: 'c/:slug/t/:id',
            lazy: async () => ({
              Component: (await import('./routes/discussions/topic-page.tsx')).TopicPage,
            }),
          },
          {
            path: 'invitations/:token',
            lazy: async () => ({
              Component: (await import('./routes/invitations/invitation-page.tsx')).InvitationPage,
            }),
          },
          {
            path: 'admin',
            lazy: async () => ({ Component: (await import('./routes/admin/admin-index.tsx')).AdminIndex }),
          },
          {
            path: 'admin/communities',
            lazy: async () => ({
              Component: (await import('./routes/admin/admin-communities-page.tsx')).AdminCommunitiesPage,
            }),
          },
          {
            path: 'admin/communities/new',
            lazy: async () => ({
              Component: (await import('./routes/admin/create-community-page.tsx')).CreateCommunityPage,
            }),
          },
          {
            path: 'admin/areas',
            lazy: async () => ({
              Component: (await import('./routes/admin/admin-areas-page.tsx')).AdminAreasPage,
            }),
          },
          {
            path: 'admin/users',
            lazy: async () => ({
              Component: (await import('./routes/admin/admin-users-page.tsx')).AdminUsersPage,
            }),
          },
          {
            path: '*',
            lazy: async () => ({ Component: (await import('./routes/not-found.tsx')).NotFoundPage }),
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
