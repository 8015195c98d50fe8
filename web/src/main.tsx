import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { DirectionProvider, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ApiError, setUnauthenticatedHandler } from './api/client.js';
import { PageLoader } from './components/PageLoader.js';
import { sessionQueries } from './features/auth/session.js';
import { initI18n } from './i18n/index.js';
import { router } from './router.js';
import { theme } from './theme.js';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // Retry network trouble (field connections drop), never a refusal from the server.
      retry: (count, err) => count < 3 && (!(err instanceof ApiError) || err.code === 'network_error'),
      refetchOnWindowFocus: false,
    },
  },
});
setUnauthenticatedHandler(() => queryClient.setQueryData(sessionQueries.all, null));

await initI18n();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DirectionProvider initialDirection={document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr'} detectDirection>
      <MantineProvider theme={theme}>
        <Notifications position="top-right" />
        <QueryClientProvider client={queryClient}>
          <Suspense fallback={<PageLoader />}>
            <RouterProvider router={router} />
          </Suspense>
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  </StrictMode>,
);
