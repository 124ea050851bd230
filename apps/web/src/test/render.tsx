import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from '../api/query-client.ts';
import { ToastProvider } from '../components/ui/toast.tsx';
import en from '../i18n/en.json';
import { initI18n } from '../i18n/i18n.ts';

/** English, all of it, synchronously, without the lazy loader. */
export async function setupI18n(): Promise<void> {
  await initI18n({ lng: 'en', strings: en });
}

/** Render a page element inside the app's providers and a memory router at `path`. */
export function renderPage(element: ReactNode, path = '/') {
  return renderRoutes([{ path: '*', element }], path);
}

/** Render a small route table (pages with URL parameters, and where they navigate to) at `path`. */
export function renderRoutes(routes: RouteObject[], path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queryClient = createQueryClient();
  return render(
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>,
  );
}
