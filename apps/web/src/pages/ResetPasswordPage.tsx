import { type FormEvent, useState } from "react";
import { ErrorNote } from "../components/ErrorNote.js";
import { LanguageSelect } from "../components/LanguageSelect.js";
import { navigate, useRoute } from "../hooks/useRoute.js";
import { useResetSession } from "../hooks/useSession.js";
import { useT } from "../i18n/useT.js";
import { ApiError } from "../lib/api.js";
import { authClient } from "../lib/auth-client.js";

/**
 * `/reset-password?token=…`: where a mailed reset or set-password link lands (better-auth checks
 * the token, then redirects here with it, or with `error=INVALID_TOKEN`).
 */
export function ResetPasswordPage() {
  const t = useT();
  const { params } = useRoute();
  const token = params.get("token");
  const [state, setState] = useState<"form" | "done" | "invalid">(token && !params.get("error") ? "form" : "invalid");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const resetSession = useResetSession();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password"));
    setBusy(true);
    setError(null);
    try {
      await authClient.resetPassword(token ?? "", password);
      setState("done");
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === "INVALID_TOKEN") setState("invalid");
      else setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const toSignIn = async () => {
    navigate("/");
    await resetSession();
  };
  return (
    <main className="auth" id="main">
      <LanguageSelect />
      <h1>{t("account.reset.title")}</h1>
      {state === "form" && (
        <form onSubmit={(e) => void submit(e)} className="stack">
          <label>
            {t("account.reset.password")}
            <input name="password" type="password" minLength={10} autoComplete="new-password" required />
          </label>
          <small>{t("account.reset.hint")}</small>
          <ErrorNote error={error} />
          <button type="submit" className="primary" disabled={busy}>
            {t("account.reset.submit")}
          </button>
        </form>
      )}
      {state === "done" && <p role="status">{t("account.reset.done")}</p>}
      {state === "invalid" && <p role="alert">{t("account.reset.invalid")}</p>}
      {state !== "form" && (
        <p>
          <button type="button" className="link" onClick={() => void toSignIn()}>
            {t("account.backToSignIn")}
          </button>
        </p>
      )}
    </main>
  );
}
