import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/tablet.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppProviders } from './app/providers';
import { routes } from './app/router';
import { startI18n } from './lib/i18n';
import { createQueryClient } from './lib/query-client';
import { session } from './lib/session';

// Restore the session from the refresh cookie once, before anything renders (no effect, no double call).
void session.restore();

const queryClient = createQueryClient();
// A data router: the unsaved-changes guard needs its navigation blocker.
const router = createBrowserRouter(routes);

// The remembered language's texts arrive before the first paint, so nothing flashes in English.
void startI18n().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AppProviders queryClient={queryClient} session={session}>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>,
  ),
);
