import type { TriageConfigInput, TriageConfigView } from "@support/contract";
import { CliError, type Output } from "../output.js";
import type { RemoteApi } from "../remote.js";
import { readDefinitionFile } from "./definition-file.js";

/** An app's triage categories, on the local DATA_DIR or on a server. */
export interface CategoriesBackend {
  show(app: string): Promise<TriageConfigView>;
  set(app: string, config: TriageConfigInput): Promise<TriageConfigView>;
  reset(app: string): Promise<TriageConfigView>;
}

export function remoteCategories(api: RemoteApi): CategoriesBackend {
  const path = (app: string) => `/api/v1/apps/${encodeURIComponent(app)}/categories`;
  return {
    show: (app) => api.request("GET", path(app)),
    set: (app, config) => api.request("PUT", path(app), config),
    reset: (app) => api.request("DELETE", path(app)),
  };
}

const lines = (view: TriageConfigView) => [
  `${view.custom ? "Own" : "Built-in"} categories of ${view.app}; threshold ${view.threshold}, below it: ${
    view.fallbackCategory ?? "a person decides"
  }`,
  ...view.categories.map(
    (c) => `  ${c.name} (${c.risk}) ${c.description}${c.signals.length ? `  signals: ${c.signals.join(", ")}` : ""}`,
  ),
];

/** `skill categories show|set <file>|reset --app <app>`. */
export async function categoriesCommand(
  backend: CategoriesBackend,
  out: Output,
  sub: string | undefined,
  opts: { app?: string; file?: string },
) {
  const { app } = opts;
  if (!app) throw new CliError("categories needs --app <app>");
  switch (sub) {
    case "show": {
      const view = await backend.show(app);
      return out.result(view, () => lines(view));
    }
    case "set": {
      if (!opts.file) throw new CliError("categories set needs a JSON or YAML file");
      const config = (await readDefinitionFile(opts.file)) as TriageConfigInput;
      const view = await backend.set(app, config);
      return out.result(view, () => ["Saved; triage uses them from the next message.", ...lines(view)]);
    }
    case "reset": {
      const view = await backend.reset(app);
      return out.result(view, () => ["Back to the built-in categories.", ...lines(view)]);
    }
    default:
      throw new CliError("usage: skill categories show|set <file.json|yaml>|reset --app <app>");
  }
}
