import { EmptyState } from "../components/EmptyState.js";
import { Link } from "../components/Link.js";
import { useT } from "../i18n/useT.js";

/** A path the dashboard has no page for: said plainly instead of showing the queue under a wrong address. */
export function NotFoundPage({ path }: { path: string }) {
  const t = useT();
  return (
    <>
      <h1>{t("common.notFound.title")}</h1>
      <EmptyState title={t("common.notFound.empty")}>
        <p>
          {t.rich("common.notFound.body", {
            path,
            code: (chunks) => <code>{chunks}</code>,
            link: (chunks) => <Link to="/">{chunks}</Link>,
          })}
        </p>
      </EmptyState>
    </>
  );
}
