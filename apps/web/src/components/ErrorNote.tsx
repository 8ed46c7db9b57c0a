import { useT } from "../i18n/useT.js";
import { describeError } from "../lib/errors.js";

/** An error in words, announced to screen readers; the API's detail is marked as English. */
export function ErrorNote({ error }: { error: unknown }) {
  const t = useT();
  if (!error) return null;
  const { summary, detail } = describeError(error, t);
  return (
    <p role="alert" className="error">
      {summary}
      {detail && (
        <>
          {" "}
          <span lang="en">{detail}</span>
        </>
      )}
    </p>
  );
}
