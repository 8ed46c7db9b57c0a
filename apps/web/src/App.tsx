import { Shell } from "./components/Shell.js";
import { useSession } from "./hooks/useSession.js";
import { AuthPage } from "./pages/AuthPage.js";
import { OrgSetupPage } from "./pages/OrgSetupPage.js";
import { Routes } from "./Routes.js";

export function App() {
  const session = useSession();
  if (session.loading) return <p className="loading">Loading…</p>;
  if (!session.user) return <AuthPage />;
  if (!session.activeOrgId) return <OrgSetupPage />;
  return (
    <Shell session={session}>
      <Routes role={session.role} />
    </Shell>
  );
}
