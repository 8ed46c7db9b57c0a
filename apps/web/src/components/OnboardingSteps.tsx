import { Link } from "./Link.js";

/** The first-run path, shown while the queue is empty: each step links to where it is done. */
export function OnboardingSteps({ hasApp }: { hasApp: boolean }) {
  return (
    <ol className="steps">
      <li className={hasApp ? "done" : undefined}>
        <Link to="/apps">Create an app</Link>: one per product you support.
      </li>
      <li>
        <Link to="/apps">Connect a channel or send a test message</Link>: customer messages arrive here as drafts to
        review.
      </li>
      <li>
        <Link to="/knowledge">Add knowledge</Link>: help articles and notes the drafts cite.
      </li>
    </ol>
  );
}
