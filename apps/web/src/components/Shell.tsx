import type { ReactNode } from "react";
import { useLiveEvents } from "../hooks/useLiveEvents.js";
import { useRoute } from "../hooks/useRoute.js";
import type { useSession } from "../hooks/useSession.js";
import type { MessageId } from "../i18n/translator.js";
import { useT } from "../i18n/useT.js";
import { ROLE_LABEL, roleAtLeast } from "../lib/roles.js";
import { BillingBanner } from "./BillingBanner.js";
import { LanguageSelect } from "./LanguageSelect.js";
import { Link } from "./Link.js";
import { OrgSwitcher } from "./OrgSwitcher.js";
import { SignOutButton } from "./SignOutButton.js";

const NAV: { to: string; label: MessageId; min?: "admin" | "owner" }[] = [
  { to: "/", label: "shell.nav.queue" },
  { to: "/apps", label: "shell.nav.apps" },
  { to: "/knowledge", label: "shell.nav.knowledge" },
  { to: "/autonomy", label: "shell.nav.autonomy" },
  { to: "/analytics", label: "shell.nav.analytics" },
  { to: "/outbox", label: "shell.nav.outbox" },
  { to: "/slack", label: "shell.nav.slack", min: "admin" },
  { to: "/audit", label: "shell.nav.audit", min: "admin" },
  { to: "/keys", label: "shell.nav.keys", min: "owner" },
  { to: "/members", label: "shell.nav.members" },
  { to: "/billing", label: "billing.nav", min: "owner" },
  { to: "/settings", label: "settings.nav" },
  { to: "/procedures", label: "procedures.nav" },
  { to: "/tasks", label: "tasks.nav" },
  { to: "/chat-widget", label: "widget.nav", min: "admin" },
  { to: "/front-sidebar", label: "frontPlugin.nav", min: "admin" },
  { to: "/catalogue", label: "shop.nav.catalogue" },
  { to: "/leads", label: "leads.nav" },
  { to: "/quotes", label: "shop.nav.quotes" },
  { to: "/shop", label: "shop.nav.settings" },
];

const LIVE: Record<ReturnType<typeof useLiveEvents>, MessageId> = {
  live: "shell.live.live",
  connecting: "shell.live.connecting",
  offline: "shell.live.offline",
};

export function Shell({ session, children }: { session: ReturnType<typeof useSession>; children: ReactNode }) {
  const t = useT();
  const live = useLiveEvents(session.activeOrgId);
  const { path } = useRoute();
  return (
    <div className="shell">
      <a className="skip" href="#main">
        {t("shell.skip")}
      </a>
      <header className="topbar">
        <strong className="brand">Support</strong>
        <OrgSwitcher organizations={session.organizations} activeOrgId={session.activeOrgId} />
        <span className={`live live-${live}`} role="status">
          {t(LIVE[live])}
        </span>
        <span className="who">
          {session.user?.email} · {session.role ? t(ROLE_LABEL[session.role]) : "…"}
        </span>
        <LanguageSelect />
        <SignOutButton />
      </header>
      <nav aria-label={t("shell.nav.label")} className="sidebar">
        <ul>
          {NAV.filter((item) => !item.min || roleAtLeast(session.role, item.min)).map((item) => (
            <li key={item.to}>
              <Link to={item.to} current={path === item.to}>
                {t(item.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        {session.role === "owner" && <BillingBanner />}
        {children}
      </main>
    </div>
  );
}
