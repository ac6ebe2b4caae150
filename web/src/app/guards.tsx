import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { Loading } from './Loading';
import { NAV } from './nav';
import { mayUse, mustChangePassword, useMe, type Access } from './session';

const ForbiddenPage = lazy(() => import('../components/ForbiddenPage'));

/**
 * Signed-in users only; and a user who must change the password goes there first, before any page
 * (and so any of its requests, which the server would refuse with must_change_password) is rendered.
 */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) throw me.error;
  if (!me.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (mustChangePassword(me.data) && location.pathname !== '/password') return <Navigate to="/password" replace />;
  return <Outlet />;
}

/** Home is the first section this user may use; a user with none is told so. */
export function HomeRedirect() {
  const me = useMe().data;
  const first = NAV.find((item) => mayUse(me, item.roles));
  if (first) return <Navigate to={first.path} replace />;
  return (
    <Suspense fallback={<Loading />}>
      <ForbiddenPage roles={[]} />
    </Suspense>
  );
}

/**
 * A page open to some roles. Opened by URL by anyone else, it says which roles may use it, what the user's
 * roles are and whom to ask, and fires none of the page's requests.
 */
export function NavPage({ roles, page: Page }: { roles: Access; page: LazyExoticComponent<ComponentType> }) {
  const me = useMe().data;
  return <Suspense fallback={<Loading />}>{mayUse(me, roles) ? <Page /> : <ForbiddenPage roles={roles} />}</Suspense>;
}
