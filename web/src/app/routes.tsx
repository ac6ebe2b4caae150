import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Outlet, type RouteObject } from 'react-router';
import LoginPage from '../features/auth/LoginPage';
import { featurePage } from './dictionaries';
import { Loading } from './Loading';
import { RouteError } from './RouteError';
import { HomeRedirect, NavPage, RequireAuth } from './guards';
import { NAV, PAGES } from './nav';

// Everything behind the login is loaded on demand, so the login page stays light.
const AppLayout = lazy(() => import('./AppLayout'));
const ChangePasswordPage = lazy(() => import('../features/auth/ChangePasswordPage'));
const NotFoundPage = lazy(() => import('../features/errors/NotFoundPage'));
// The public notice pages (公示): no sign-in, outside the staff layout.
const PublicNoticesPage = featurePage('public', () => import('../features/public/PublicNoticesPage'));
const PublicNoticePage = featurePage('public', () => import('../features/public/PublicNoticePage'));
const PublicProjectNoticePage = featurePage('public', () => import('../features/public/PublicProjectNoticePage'));

const suspended = (node: ReactNode) => <Suspense fallback={<Loading />}>{node}</Suspense>;

// antd's App gives the pages their message, notification and modal hooks (App.useApp()); the login page uses
// none, so it is loaded with the first other page (its text styles are Providers.tsx's AppText).
const AntApp = lazy(() => import('antd/es/app'));
function WithAntApp() {
  return suspended(
    <AntApp component={false}>
      <Outlet />
    </AntApp>,
  );
}

/** The pages behind the sign-in, each guarded by its own role list (a page of a menu item has the item's). */
export const guardedPages: RouteObject[] = [...NAV, ...PAGES].map((item) => ({
  path: item.path,
  element: <NavPage roles={item.roles} page={item.page} />,
}));

/** The app's routes (the browser router is made of them in router.tsx; tests walk them). */
export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage />, errorElement: <RouteError standalone /> },
  {
    element: <WithAntApp />,
    errorElement: <RouteError standalone />,
    children: [
      {
        path: '/public',
        errorElement: <RouteError standalone />,
        children: [
          { index: true, element: <Navigate to="/public/notices" replace /> },
          { path: 'notices', element: suspended(<PublicNoticesPage />) },
          { path: 'notices/:id', element: suspended(<PublicNoticePage />) },
          { path: 'project-notices/:id', element: suspended(<PublicProjectNoticePage />) },
        ],
      },
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
                  ...guardedPages,
                  { path: '*', element: suspended(<NotFoundPage />) },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
];
