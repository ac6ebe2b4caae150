import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import LoginPage from '../features/auth/LoginPage';
import { Loading } from './Loading';
import { RouteError } from './RouteError';
import { HomeRedirect, NavPage, RequireAuth } from './guards';
import { NAV, PAGES } from './nav';

// Everything behind the login is loaded on demand, so the login page stays light.
const AppLayout = lazy(() => import('./AppLayout'));
const ChangePasswordPage = lazy(() => import('../features/auth/ChangePasswordPage'));
const NotFoundPage = lazy(() => import('../features/errors/NotFoundPage'));

const suspended = (node: ReactNode) => <Suspense fallback={<Loading />}>{node}</Suspense>;

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteError standalone /> },
  {
    element: <RequireAuth />,
    errorElement: <RouteError standalone />,
    children: [
      {
        element: suspended(<AppLayout />),
        children: [
          {
            errorElement: <RouteError />,
            children: [
              { index: true, element: <HomeRedirect /> },
              { path: 'password', element: suspended(<ChangePasswordPage />) },
              ...[...NAV, ...PAGES].map((item) => ({ path: item.path, element: <NavPage item={item} /> })),
              { path: '*', element: suspended(<NotFoundPage />) },
            ],
          },
        ],
      },
    ],
  },
]);
