import { EmptyState } from "../components/EmptyState.js";
import { Link } from "../components/Link.js";

/** A path the dashboard has no page for: said plainly instead of showing the queue under a wrong address. */
export function NotFoundPage({ path }: { path: string }) {
  return (
    <>
      <h1>Page not found</h1>
      <EmptyState title="Nothing here">
        <p>
          The dashboard has no page at <code>{path}</code>. Go to the <Link to="/">review queue</Link>.
        </p>
      </EmptyState>
    </>
  );
}
