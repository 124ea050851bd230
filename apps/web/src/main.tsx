import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/patterns.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from './api/query-client.ts';
import { sessionQuery } from './api/session.ts';
import { App } from './app.tsx';
import { initI18n } from './i18n/i18n.ts';
import { applyTheme, readTheme } from './lib/theme.ts';
import { createAppRouter, routerReady } from './router.tsx';

applyTheme(readTheme());

const queryClient = createQueryClient();
const router = createAppRouter();
// Translations, the first page's code and the session load in parallel; render once, without flashes.
// A slow session answer does not hold the page back for long: the header then fills in when it arrives.
const session = queryClient.prefetchQuery(sessionQuery);
const patience = new Promise((resolve) => setTimeout(resolve, 1500));
await Promise.all([initI18n(), routerReady(router), Promise.race([session, patience])]);

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App router={router} queryClient={queryClient} />
  </StrictMode>,
);
