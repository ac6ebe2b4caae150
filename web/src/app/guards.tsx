import { lazy, Suspense } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { Loading } from './Loading';
import { NAV, type PageRoute } from './nav';
import { mayUse, useMe } from './session';

const ForbiddenPage = lazy(() => import('../features/errors/ForbiddenPage'));

/** Signed-in users only; and a user who must change the password goes there first. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) throw me.error;
  if (!me.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (me.data.mustChangePassword && location.pathname !== '/password') return <Navigate to="/password" replace />;
  return <Outlet />;
}

/** Home is the first section this user may use. */
export function HomeRedirect() {
  const me = useMe().data;
  const first = NAV.find((item) => mayUse(me, item.roles));
  return first ? <Navigate to={first.path} replace /> : <Navigate to="/password" replace />;
}

export function NavPage({ item }: { item: PageRoute }) {
  const me = useMe().data;
  const Page = mayUse(me, item.roles) ? item.page : ForbiddenPage;
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
}
