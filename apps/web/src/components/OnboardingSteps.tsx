import type { ReactNode } from "react";
import { useT } from "../i18n/useT.js";
import { Link } from "./Link.js";

/** The first-run path, shown while the queue is empty: each step links to where it is done. */
export function OnboardingSteps({ hasApp }: { hasApp: boolean }) {
  const t = useT();
  const linkTo = (to: string) => (chunks: ReactNode[]) => <Link to={to}>{chunks}</Link>;
  return (
    <ol className="steps">
      <li className={hasApp ? "done" : undefined}>{t.rich("queue.onboarding.createApp", { link: linkTo("/apps") })}</li>
      <li>{t.rich("queue.onboarding.connect", { link: linkTo("/apps") })}</li>
      <li>{t.rich("queue.onboarding.knowledge", { link: linkTo("/knowledge") })}</li>
    </ol>
  );
}
