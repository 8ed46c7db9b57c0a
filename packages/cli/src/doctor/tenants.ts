import { describeChannels, listTenants, loadSlackConnection, OPERATOR } from "@support/core";
import type { Product } from "@support/product";
import { type Check, check } from "./check.js";
import { probeSlack } from "./probes.js";

/** Slack per organization and channels per app; answers the checks and the secrets it read. */
export async function tenantChecks(runtime: Product): Promise<{ checks: Check[]; secrets: string[] }> {
  const { db } = runtime.database;
  const checks: Check[] = [];
  const secrets: string[] = [];
  const tenants = await listTenants(runtime.platform);
  if (tenants.length === 0)
    return { checks: [check("tenants", "warn", "no organization yet: run skill init")], secrets };
  for (const { organization: org, apps } of tenants) {
    const slack = await loadSlackConnection(db, runtime.secrets, org.id);
    if (slack) {
      secrets.push(slack.botToken, slack.signingSecret);
      checks.push(await probeSlack(`slack (${org.slug})`, slack));
    } else {
      checks.push(check(`slack (${org.slug})`, "ok", "not connected: approvals happen in the dashboard"));
    }
    for (const app of apps) checks.push(await channelsCheck(runtime, org.id, `${org.slug}/${app.slug}`, app.id));
  }
  return { checks, secrets };
}

async function channelsCheck(runtime: Product, orgId: string, label: string, appId: string): Promise<Check> {
  const name = `channels (${label})`;
  const views = await describeChannels(runtime.contextFor(orgId, OPERATOR), appId);
  const configured = views.filter((v) => v.updatedAt !== null);
  if (configured.length === 0) return check(name, "warn", "no channel connected: run skill channels set");
  const incomplete = configured.filter((v) => v.status === "incomplete");
  const summary = configured.map((v) => `${v.kind} ${v.status}`).join(", ");
  return incomplete.length > 0
    ? check(name, "warn", `${summary} (missing secrets: see skill channels list)`)
    : check(name, "ok", summary);
}
