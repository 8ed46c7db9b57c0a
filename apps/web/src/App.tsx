import { Shell } from "./components/Shell.js";
import { useRoute } from "./hooks/useRoute.js";
import { useSession } from "./hooks/useSession.js";
import { useT } from "./i18n/useT.js";
import { AcceptInvitationPage } from "./pages/AcceptInvitationPage.js";
import { AuthPage } from "./pages/AuthPage.js";
import { OrgSetupPage } from "./pages/OrgSetupPage.js";
import { ResetPasswordPage } from "./pages/ResetPasswordPage.js";
import { Routes } from "./Routes.js";

export function App() {
  const t = useT();
  const session = useSession();
  const { path } = useRoute();
  const invitation = /^\/invite\/([^/]+)$/.exec(path)?.[1];
  if (session.loading) return <p className="loading">{t("common.loading")}</p>;
  // A mailed link works whoever is signed in on this browser: the token names the account.
  if (path === "/reset-password") return <ResetPasswordPage />;
  if (!session.user) return <AuthPage invited={Boolean(invitation)} />;
  if (invitation) return <AcceptInvitationPage id={decodeURIComponent(invitation)} />;
  if (!session.activeOrgId) return <OrgSetupPage />;
  return (
    <Shell session={session}>
      <Routes role={session.role} />
    </Shell>
  );
}
