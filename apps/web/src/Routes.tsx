import { lazy, Suspense } from "react";
import { useRoute } from "./hooks/useRoute.js";
import { useT } from "./i18n/useT.js";
import { matchRoute } from "./lib/links.js";
import type { Role } from "./lib/types.js";
import { AppsPage } from "./pages/AppsPage.js";
import { AuditPage } from "./pages/AuditPage.js";
import { BillingPage } from "./pages/BillingPage.js";
import { CataloguePage } from "./pages/CataloguePage.js";
import { ConversationPage } from "./pages/ConversationPage.js";
import { DraftPage } from "./pages/DraftPage.js";
import { FrontPluginPage } from "./pages/FrontPluginPage.js";
import { KeysPage } from "./pages/KeysPage.js";
import { KnowledgePage } from "./pages/KnowledgePage.js";
import { LeadsPage } from "./pages/LeadsPage.js";
import { MembersPage } from "./pages/MembersPage.js";
import { NotFoundPage } from "./pages/NotFoundPage.js";
import { OutboxPage } from "./pages/OutboxPage.js";
import { ProceduresPage } from "./pages/ProceduresPage.js";
import { QueuePage } from "./pages/QueuePage.js";
import { QuotesPage } from "./pages/QuotesPage.js";
import { SettingsPage } from "./pages/SettingsPage.js";
import { ShopPage } from "./pages/ShopPage.js";
import { SlackPage } from "./pages/SlackPage.js";
import { TasksPage } from "./pages/TasksPage.js";
import { WidgetPage } from "./pages/WidgetPage.js";
import { WidgetPreviewPage } from "./pages/WidgetPreviewPage.js";

// The charting library is the bulk of the bundle; only the autonomy and analytics pages load it.
const AutonomyPage = lazy(() => import("./pages/AutonomyPage.js").then((m) => ({ default: m.AutonomyPage })));
const AnalyticsPage = lazy(() => import("./pages/AnalyticsPage.js").then((m) => ({ default: m.AnalyticsPage })));

export function Routes({ role }: { role: Role | null }) {
  const t = useT();
  const { path, params } = useRoute();
  const app = params.get("app") ?? undefined;
  const route = matchRoute(path);
  switch (route.page) {
    case "queue":
      return <QueuePage role={role} />;
    case "draft":
      return <DraftPage id={route.id} role={role} />;
    case "conversation":
      return <ConversationPage id={route.id} role={role} />;
    case "apps":
      return <AppsPage role={role} />;
    case "outbox":
      return <OutboxPage app={app} role={role} />;
    case "autonomy":
      return (
        <Suspense fallback={<p>{t("common.loading")}</p>}>
          <AutonomyPage role={role} app={app} />
        </Suspense>
      );
    case "analytics":
      return (
        <Suspense fallback={<p>{t("common.loading")}</p>}>
          <AnalyticsPage app={app} />
        </Suspense>
      );
    case "knowledge":
      return <KnowledgePage app={app} role={role} />;
    case "audit":
      return <AuditPage role={role} />;
    case "keys":
      return <KeysPage role={role} />;
    case "members":
      return <MembersPage role={role} />;
    case "slack":
      return <SlackPage />;
    case "billing":
      return <BillingPage role={role} />;
    case "settings":
      return <SettingsPage role={role} app={app} />;
    case "procedures":
      return <ProceduresPage app={app} role={role} />;
    case "tasks":
      return <TasksPage />;
    case "chat-widget":
      return <WidgetPage app={app} />;
    case "chat-widget-preview":
      return <WidgetPreviewPage app={app} />;
    case "front-sidebar":
      return <FrontPluginPage />;
    case "catalogue":
      return <CataloguePage app={app} />;
    case "leads":
      return <LeadsPage app={app} />;
    case "quotes":
      return <QuotesPage app={app} />;
    case "shop":
      return <ShopPage app={app} role={role} />;
    case "not_found":
      return <NotFoundPage path={path} />;
  }
}
