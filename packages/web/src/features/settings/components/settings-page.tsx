import { DataSourcesSection, WebhooksSection } from "./operations-sections";
import { TokensSection } from "./tokens-section";
import { UsersSection } from "./users-section";

/** Settings; the admin-only sections appear for admins. */
export function SettingsPage({ isAdmin }: { isAdmin: boolean }) {
  return (
    <div className="page">
      <h1>Settings</h1>
      <TokensSection />
      {isAdmin && <UsersSection />}
      {isAdmin && <WebhooksSection />}
      <DataSourcesSection canUpdate={isAdmin} />
    </div>
  );
}
