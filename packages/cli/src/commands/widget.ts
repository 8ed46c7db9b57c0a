import type { WidgetConfigView, WidgetSecretView } from "@support/contract";
import { CliError, type Output } from "../output.js";
import type { RemoteApi } from "../remote.js";

/** The app's chat widget setup, on the local DATA_DIR or on a server. */
export interface WidgetBackend {
  show(app: string): Promise<WidgetConfigView>;
  rotate(app: string): Promise<WidgetSecretView>;
}

export function remoteWidget(api: RemoteApi): WidgetBackend {
  const base = (app: string) => `/api/v1/apps/${encodeURIComponent(app)}/widget`;
  return {
    show: (app) => api.request("GET", base(app)),
    rotate: (app) => api.request("POST", `${base(app)}/secret/rotate`),
  };
}

/** `skill widget show|rotate --app <app>`: the embeddable chat's setup and its secret. */
export async function widgetCommand(
  backend: WidgetBackend,
  out: Output,
  sub: string | undefined,
  app: string | undefined,
) {
  if (!app) throw new CliError(`widget ${sub ?? ""} needs --app <app>`.replace("  ", " "));
  switch (sub) {
    case "show": {
      const view = await backend.show(app);
      return out.result(view, () => [
        `Chat widget of ${app}: ${view.enabled ? "on" : "off (rotate its secret to turn it on)"}`,
        `allowed origins: ${view.allowedOrigins.join(", ") || "none yet"}`,
        `plans: ${
          Object.entries(view.plans)
            .map(([plan, tier]) => `${plan} → ${tier}`)
            .join(", ") || "none"
        }; others: ${view.defaultTier ?? "the app's tier"}`,
        `snippet: ${view.snippet}`,
      ]);
    }
    case "rotate": {
      const rotated = await backend.rotate(app);
      return out.result(rotated, () => [
        `New widget secret (shown once): ${rotated.secret}`,
        rotated.previousSecretValid
          ? "The previous secret keeps verifying identities until the next rotation: deploy this one to the product's server."
          : "Give it to the product's server: it signs identities with signWidgetIdentity from @support/sdk.",
      ]);
    }
    default:
      throw new CliError("usage: skill widget show|rotate --app <app>");
  }
}
