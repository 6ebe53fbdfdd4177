import { Navigate, Outlet, useLocation } from "react-router";
import { useMe } from "../api/auth";

/** Shows its routes to a signed-in user; sends anyone else to sign in and back. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <p className="muted">Loading…</p>;
  if (me.isError) return <p className="error">{me.error.message}</p>;
  if (!me.data)
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}
