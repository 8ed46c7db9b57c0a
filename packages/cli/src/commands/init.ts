import { addHumanOwner, initProduct, publicApp } from "@support/core";
import type { Product } from "@support/product";
import type { Output } from "../output.js";
import { CliError } from "../output.js";

export async function initCommand(
  runtime: Product,
  out: Output,
  opts: { name: string; org?: string; newKey: boolean; ownerEmail?: string },
) {
  if (opts.ownerEmail !== undefined && !EMAIL.test(opts.ownerEmail.trim())) {
    throw new CliError("init --owner-email needs an email address");
  }
  const result = await initProduct(runtime.platform, opts);
  const owner = opts.ownerEmail
    ? await addHumanOwner(runtime.platform, await runtime.auth(), {
        orgId: result.organization.id,
        orgName: result.organization.name,
        email: opts.ownerEmail,
      })
    : undefined;
  const app = publicApp(result.app, runtime.config.publicUrl);
  out.result(
    {
      organization: { id: result.organization.id, name: result.organization.name, created: result.organizationCreated },
      app: { ...app, created: result.appCreated },
      apiKey: result.apiKey ?? null,
      signingSecret: result.signingSecret ?? null,
      webhookUrls: app.webhookUrls,
      owner: owner
        ? {
            email: opts.ownerEmail?.trim().toLowerCase(),
            userId: owner.userId,
            setPasswordLink: owner.link,
            mailed: owner.mailed,
          }
        : null,
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
      ...(owner
        ? [
            `Owner ${opts.ownerEmail?.trim().toLowerCase()}: choose a password with this link (single use, 24 hours), then sign in at ${runtime.config.publicUrl}:`,
            `  ${owner.link}`,
            owner.mailed
              ? "The link was mailed too."
              : "No SMTP_URL: nothing was mailed. Run init again for a fresh link.",
          ]
        : []),
    ],
  );
}

/** Enough to refuse a typo like a missing "@"; the mail server decides the rest. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
