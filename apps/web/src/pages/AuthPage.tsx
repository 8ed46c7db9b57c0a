import { type FormEvent, useState } from "react";
import { ErrorNote } from "../components/ErrorNote.js";
import { useResetSession } from "../hooks/useSession.js";
import { authClient } from "../lib/auth-client.js";

/** Sign in, or create an account (then an organization on the next screen). */
export function AuthPage({ invited = false }: { invited?: boolean }) {
  const [mode, setMode] = useState<"sign-in" | "sign-up">(invited ? "sign-up" : "sign-in");
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
  return (
    <main className="auth" id="main">
      <h1>{signUp ? "Create your account" : "Sign in to Support"}</h1>
      {invited && <p>You were invited to an organization: sign up or sign in with the invited email to join.</p>}
      <form onSubmit={(e) => void submit(e)} className="stack">
        {signUp && (
          <label>
            Name
            <input name="name" autoComplete="name" required />
          </label>
        )}
        <label>
          Email
          <input name="email" type="email" autoComplete="email" required />
        </label>
        <label>
          Password
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
          {signUp ? "Sign up" : "Sign in"}
        </button>
      </form>
      <p>
        {signUp ? "Already have an account? " : "New here? "}
        <button type="button" className="link" onClick={() => setMode(signUp ? "sign-in" : "sign-up")}>
          {signUp ? "Sign in" : "Create an account"}
        </button>
      </p>
    </main>
  );
}
