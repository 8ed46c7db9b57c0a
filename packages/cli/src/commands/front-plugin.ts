import type { FrontPluginSecretView, FrontPluginView } from "@support/contract";
import { CliError, type Output } from "../output.js";
import type { RemoteApi } from "../remote.js";

/** The organization's Front sidebar plugin, on the local DATA_DIR or on a server. */
export interface FrontPluginBackend {
  show(): Promise<FrontPluginView>;
  rotate(): Promise<FrontPluginSecretView>;
}

export function remoteFrontPlugin(api: RemoteApi): FrontPluginBackend {
  return {
    show: () => api.request("GET", "/api/v1/front-plugin"),
    rotate: () => api.request("POST", "/api/v1/front-plugin/secret/rotate"),
  };
}

/** `skill front-plugin show|rotate`: the plugin's registration, the teammates it maps, a new secret. */
export async function frontPluginCommand(backend: FrontPluginBackend, out: Output, sub: string | undefined) {
  switch (sub) {
    case "show": {
      const view = await backend.show();
      return out.result(view, () => [
        `Front plugin: ${view.configured ? `secret set (${view.updatedAt})` : "no secret yet (run skill front-plugin rotate)"}`,
        `plugin URL: ${view.pluginUrl}${view.configured ? " (plus the secret, shown only when rotated)" : ""}`,
        "Front teammate (email) → member:",
        ...view.teammates.map((t) => `  ${t.email} → ${t.actor} (${t.role})`),
      ]);
    }
    case "rotate": {
      const rotated = await backend.rotate();
      return out.result(rotated, () => [
        `New Front plugin secret (shown once): ${rotated.secret}`,
        `Register this URL as the plugin's URL in Front (Settings › Developers › the plugin): ${rotated.pluginUrl}`,
        "The previous secret no longer works: the sidebar refuses until Front has the new URL.",
      ]);
    }
    default:
      throw new CliError("usage: skill front-plugin show|rotate");
  }
}
