import { NavLink, Outlet } from "react-router";
import { ThemeToggle } from "../components/theme-toggle";
import { useLogout, useMe } from "../features/auth/api/auth";

const links = [
  ["/", "Dashboard"],
  ["/projects", "Projects"],
  ["/findings", "Findings"],
  ["/components", "Components"],
  ["/settings", "Settings"],
] as const;

/** The frame around every signed-in page: navigation, theme and the user. */
export function Layout() {
  const me = useMe();
  const logout = useLogout();
  return (
    <div className="shell">
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">Lading</span>
        <nav aria-label="main">
          {links.map(([to, label]) => (
            <NavLink key={to} to={to} end={to === "/"}>
              {label}
            </NavLink>
          ))}
        </nav>
        <span className="spacer" />
        <ThemeToggle />
        <span className="muted">{me.data?.username}</span>
        <button type="button" className="ghost" onClick={() => logout.mutate()}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
