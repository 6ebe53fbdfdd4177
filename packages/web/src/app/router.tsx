import { createBrowserRouter, Link } from "react-router";
import { useMe } from "../features/auth/api/auth";
import { LoginPage } from "../features/auth/components/login-page";
import { RequireAuth } from "../features/auth/components/require-auth";
import { SetupPage } from "../features/auth/components/setup-page";
import { ComponentPage } from "../features/component/components/component-page";
import { DashboardPage } from "../features/dashboard/components/dashboard-page";
import { DiffPage } from "../features/diff/components/diff-page";
import { FindingsPage, FindingsTable } from "../features/findings/components/findings-table";
import { ProjectPage } from "../features/project/components/project-page";
import { ProjectsPage } from "../features/projects/components/projects-page";
import { SettingsPage } from "../features/settings/components/settings-page";
import { VulnerabilityPage } from "../features/vulnerability/components/vulnerability-page";
import { Layout } from "./layout";

// The app layer composes features; features never import one another.
function ProjectRoute() {
  return (
    <ProjectPage
      findingsTab={(projectId, snapshotId) => (
        <FindingsTable projectId={projectId} snapshotId={snapshotId} />
      )}
    />
  );
}

function SettingsRoute() {
  const me = useMe();
  return <SettingsPage isAdmin={me.data?.role === "admin"} />;
}

function NotFound() {
  return (
    <div className="page">
      <h1>Not found</h1>
      <Link to="/">Back to the dashboard</Link>
    </div>
  );
}

export const router = createBrowserRouter([
  { path: "/setup", element: <SetupPage /> },
  { path: "/login", element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <Layout />,
        children: [
          { index: true, element: <DashboardPage /> },
          { path: "projects", element: <ProjectsPage /> },
          { path: "projects/:id", element: <ProjectRoute /> },
          { path: "findings", element: <FindingsPage /> },
          { path: "diff", element: <DiffPage /> },
          { path: "vulnerabilities/:id", element: <VulnerabilityPage /> },
          { path: "components", element: <ComponentPage /> },
          { path: "settings", element: <SettingsRoute /> },
          { path: "*", element: <NotFound /> },
        ],
      },
    ],
  },
]);
