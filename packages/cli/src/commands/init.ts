import { initProduct, publicApp } from "@support/core";
import type { Product } from "@support/product";
import type { Output } from "../output.js";

export async function initCommand(
  runtime: Product,
  out: Output,
  opts: { name: string; org?: string; newKey: boolean },
) {
  const result = await initProduct(runtime.platform, opts);
  const app = publicApp(result.app, runtime.config.publicUrl);
  out.result(
    {
      organization: { id: result.organization.id, name: result.organization.name, created: result.organizationCreated },
      app: { ...app, created: result.appCreated },
      apiKey: result.apiKey ?? null,
      signingSecret: result.signingSecret ?? null,
      webhookUrls: app.webhookUrls,
    },
    () => [
      result.organizationCreated
        ? `Created organization "${result.organization.name}" (${result.organization.id}).`
        : `Organization "${result.organization.name}" already exists (${result.organization.id}).`,
      result.appCreated
        ? `Created app "${app.name}" (${app.slug}, ${app.id}).`
        : `App "${app.slug}" already exists: nothing changed.`,
      ...(result.apiKey
        ? [`Owner API key (shown once, store it now): ${result.apiKey.token}`]
        : ["No new API key (pass --new-key for one)."]),
      ...(result.signingSecret ? [`Generic webhook signing secret (shown once): ${result.signingSecret}`] : []),
      "Webhook URLs:",
      ...Object.entries(app.webhookUrls).map(([kind, url]) => `  ${kind.padEnd(9)} ${url}`),
    ],
  );
}
