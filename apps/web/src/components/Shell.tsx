import type { ReactNode } from "react";
import { useLiveEvents } from "../hooks/useLiveEvents.js";
import { useRoute } from "../hooks/useRoute.js";
import type { useSession } from "../hooks/useSession.js";
import { roleAtLeast } from "../lib/roles.js";
import { Link } from "./Link.js";
import { OrgSwitcher } from "./OrgSwitcher.js";
import { SignOutButton } from "./SignOutButton.js";

const NAV: { to: string; label: string; min?: "admin" | "owner" }[] = [
  { to: "/", label: "Review queue" },
  { to: "/apps", label: "Apps & channels" },
  { to: "/knowledge", label: "Knowledge" },
  { to: "/autonomy", label: "Autonomy" },
  { to: "/analytics", label: "Analytics" },
  { to: "/outbox", label: "Sandbox outbox" },
  { to: "/slack", label: "Slack", min: "admin" },
  { to: "/audit", label: "Audit log", min: "admin" },
  { to: "/keys", label: "API keys", min: "owner" },
  { to: "/members", label: "Members" },
];

export function Shell({ session, children }: { session: ReturnType<typeof useSession>; children: ReactNode }) {
  const live = useLiveEvents(session.activeOrgId);
  const { path } = useRoute();
  return (
    <div className="shell">
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <strong className="brand">Support</strong>
        <OrgSwitcher organizations={session.organizations} activeOrgId={session.activeOrgId} />
        <span className={`live live-${live}`} role="status">
          {live === "live" ? "Live" : live === "connecting" ? "Connecting…" : "Offline"}
        </span>
        <span className="who">
          {session.user?.email} · {session.role ?? "…"}
        </span>
        <SignOutButton />
      </header>
      <nav aria-label="Main" className="sidebar">
        <ul>
          {NAV.filter((item) => !item.min || roleAtLeast(session.role, item.min)).map((item) => (
            <li key={item.to}>
              <Link to={item.to} current={path === item.to}>
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
