import type { SigningKeysView } from "@support/contract";
import { CliError, type Output } from "../output.js";
import type { RemoteApi } from "../remote.js";

type Rotated = SigningKeysView & { secret: string };

/** The app's webhook signing keys, on the local DATA_DIR or on a server. */
export interface SigningKeysBackend {
  list(app: string): Promise<SigningKeysView>;
  rotate(app: string): Promise<Rotated>;
  removeOld(app: string): Promise<SigningKeysView>;
}

export function remoteSigningKeys(api: RemoteApi): SigningKeysBackend {
  const base = (app: string) => `/api/v1/apps/${encodeURIComponent(app)}/signing-keys`;
  return {
    list: (app) => api.request("GET", base(app)),
    rotate: (app) => api.request("POST", `${base(app)}/rotate`),
    removeOld: (app) => api.request("DELETE", `${base(app)}/old`),
  };
}

const versionLines = (view: SigningKeysView) =>
  view.keys.map((k, i) => `v${k.version}  ${k.id}  created ${k.createdAt}${i === 0 ? "  (newest)" : "  (old)"}`);

/** `skill keys signing|rotate|remove-old --app <app>`: the app's webhook signing secret. */
export async function signingKeysCommand(
  backend: SigningKeysBackend,
  out: Output,
  sub: string | undefined,
  app: string | undefined,
) {
  if (!app) throw new CliError(`keys ${sub} needs --app <app>`);
  switch (sub) {
    case "signing": {
      const view = await backend.list(app);
      return out.result(view, () => [
        `Webhook signing keys of ${app} (${view.keys.length} live):`,
        ...versionLines(view),
      ]);
    }
    case "rotate": {
      const rotated = await backend.rotate(app);
      return out.result(rotated, () => [
        `New webhook signing secret v${rotated.keys[0]?.version} (shown once): ${rotated.secret}`,
        "The old and the new secret both verify webhooks and both sign replies from now on.",
        "Deploy the new secret to every sender (the product app's SDK, generic and email webhooks)",
        "and to whatever verifies the generic channel's replies, then run:",
        `  skill keys remove-old --app ${app}`,
      ]);
    }
    case "remove-old": {
      const view = await backend.removeOld(app);
      return out.result(view, () => [
        `Only v${view.keys[0]?.version} verifies and signs webhooks of ${app} now.`,
        ...versionLines(view),
      ]);
    }
    default:
      throw new CliError("usage: skill keys signing|rotate|remove-old --app <app>");
  }
}
