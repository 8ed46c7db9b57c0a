import { navigate } from "../hooks/useRoute.js";
import { useResetSession } from "../hooks/useSession.js";
import { useT } from "../i18n/useT.js";
import { authClient } from "../lib/auth-client.js";

export function SignOutButton() {
  const t = useT();
  const reset = useResetSession();
  const signOut = async () => {
    await authClient.signOut();
    navigate("/");
    await reset();
  };
  return (
    <button type="button" onClick={() => void signOut()}>
      {t("shell.signOut")}
    </button>
  );
}
