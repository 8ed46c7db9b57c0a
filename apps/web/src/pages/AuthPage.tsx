import { type FormEvent, useState } from "react";
import { ErrorNote } from "../components/ErrorNote.js";
import { ForgotPasswordForm } from "../components/ForgotPasswordForm.js";
import { LanguageSelect } from "../components/LanguageSelect.js";
import { useResetSession } from "../hooks/useSession.js";
import { useT } from "../i18n/useT.js";
import { authClient } from "../lib/auth-client.js";

/** Sign in, or create an account (then an organization on the next screen). */
export function AuthPage({ invited = false }: { invited?: boolean }) {
  const t = useT();
  const [mode, setMode] = useState<"sign-in" | "sign-up" | "forgot">(invited ? "sign-up" : "sign-in");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const reset = useResetSession();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email"));
    const password = String(form.get("password"));
    setBusy(true);
    setError(null);
    try {
      if (mode === "sign-up") await authClient.signUp({ name: String(form.get("name")), email, password });
      else await authClient.signIn({ email, password });
      await reset();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const signUp = mode === "sign-up";
  if (mode === "forgot") {
    return (
      <main className="auth" id="main">
        <LanguageSelect />
        <ForgotPasswordForm onBack={() => setMode("sign-in")} />
      </main>
    );
  }
  return (
    <main className="auth" id="main">
      <LanguageSelect />
      <h1>{signUp ? t("auth.signUp.title") : t("auth.signIn.title")}</h1>
      {invited && <p>{t("auth.invited")}</p>}
      <form onSubmit={(e) => void submit(e)} className="stack">
        {signUp && (
          <label>
            {t("common.name")}
            <input name="name" autoComplete="name" required />
          </label>
        )}
        <label>
          {t("common.email")}
          <input name="email" type="email" autoComplete="email" required />
        </label>
        <label>
          {t("common.password")}
          <input
            name="password"
            type="password"
            minLength={10}
            autoComplete={signUp ? "new-password" : "current-password"}
            required
          />
        </label>
        <ErrorNote error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {signUp ? t("auth.signUp") : t("auth.signIn")}
        </button>
      </form>
      <p>
        {signUp ? t("auth.haveAccount") : t("auth.newHere")}{" "}
        <button type="button" className="link" onClick={() => setMode(signUp ? "sign-in" : "sign-up")}>
          {signUp ? t("auth.signIn") : t("auth.createAccount")}
        </button>
      </p>
      {!signUp && (
        <p>
          <button type="button" className="link" onClick={() => setMode("forgot")}>
            {t("account.forgot")}
          </button>
        </p>
      )}
    </main>
  );
}
