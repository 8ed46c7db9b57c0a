import { lazy, Suspense } from "react";
import { useRoute } from "./hooks/useRoute.js";
import type { Role } from "./lib/types.js";
import { AppsPage } from "./pages/AppsPage.js";
import { AuditPage } from "./pages/AuditPage.js";
import { DraftPage } from "./pages/DraftPage.js";
import { KeysPage } from "./pages/KeysPage.js";
import { KnowledgePage } from "./pages/KnowledgePage.js";
import { MembersPage } from "./pages/MembersPage.js";
import { OutboxPage } from "./pages/OutboxPage.js";
import { QueuePage } from "./pages/QueuePage.js";
import { SlackPage } from "./pages/SlackPage.js";

// The charting library is the bulk of the bundle; only the autonomy and analytics pages load it.
const AutonomyPage = lazy(() => import("./pages/AutonomyPage.js").then((m) => ({ default: m.AutonomyPage })));
const AnalyticsPage = lazy(() => import("./pages/AnalyticsPage.js").then((m) => ({ default: m.AnalyticsPage })));

export function Routes({ role }: { role: Role | null }) {
  const { path, params } = useRoute();
  const draft = /^\/drafts\/([^/]+)$/.exec(path);
  if (draft?.[1]) return <DraftPage id={decodeURIComponent(draft[1])} role={role} />;
  if (path === "/apps") return <AppsPage role={role} />;
  if (path === "/outbox") return <OutboxPage app={params.get("app") ?? undefined} />;
  if (path === "/autonomy") {
    return (
      <Suspense fallback={<p>Loading…</p>}>
        <AutonomyPage role={role} app={params.get("app") ?? undefined} />
      </Suspense>
    );
  }
  if (path === "/analytics") {
    return (
      <Suspense fallback={<p>Loading…</p>}>
        <AnalyticsPage app={params.get("app") ?? undefined} />
      </Suspense>
    );
  }
  if (path === "/knowledge") return <KnowledgePage app={params.get("app") ?? undefined} />;
  if (path === "/audit") return <AuditPage role={role} />;
  if (path === "/keys") return <KeysPage role={role} />;
  if (path === "/members") return <MembersPage role={role} />;
  if (path === "/slack") return <SlackPage />;
  return <QueuePage role={role} />;
}
