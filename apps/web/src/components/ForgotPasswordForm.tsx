import { type FormEvent, useState } from "react";
import { useT } from "../i18n/useT.js";
import { authClient } from "../lib/auth-client.js";
import { ErrorNote } from "./ErrorNote.js";

/** Asks for a reset link; the answer never tells whether the address has an account. */
export function ForgotPasswordForm({ onBack }: { onBack: () => void }) {
  const t = useT();
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email"));
    setBusy(true);
    setError(null);
    try {
      await authClient.requestPasswordReset(email);
      setSent(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h1>{t("account.forgot.title")}</h1>
      {sent ? (
        <p role="status">{t("account.forgot.sent")}</p>
      ) : (
        <form onSubmit={(e) => void submit(e)} className="stack">
          <p>{t("account.forgot.hint")}</p>
          <label>
            {t("common.email")}
            <input name="email" type="email" autoComplete="email" required />
          </label>
          <ErrorNote error={error} />
          <button type="submit" className="primary" disabled={busy}>
            {t("account.forgot.submit")}
          </button>
        </form>
      )}
      <p>
        <button type="button" className="link" onClick={onBack}>
          {t("account.backToSignIn")}
        </button>
      </p>
    </>
  );
}
