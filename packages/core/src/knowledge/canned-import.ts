import { FRONT_API_BASE_URL } from "@support/channels";
import type { CannedImportResult } from "@support/contract";
import { fetchFrontTemplates, fetchZendeskMacros } from "@support/knowledge";
import { loadChannel } from "../intake/channels.js";
import { requireRole, type ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { requireApp } from "../tenancy/apps.js";
import { addCannedResponses } from "./add.js";

type ImportChannel = CannedImportResult["imported"][number]["channel"];

/**
 * Zendesk macros and Front message templates, fetched with the credentials stored for the app's
 * channels, become canned-response sources in the app's namespace (admins only), processed by the
 * knowledge workflow like any other source. A channel without an API token is skipped; one that
 * fails is reported and the other still imports.
 */
export async function importCannedResponses(ctx: ServiceContext, appRef: string): Promise<CannedImportResult> {
  requireRole(ctx, "admin");
  const app = await requireApp(ctx, appRef);
  const result: CannedImportResult = { imported: [], failures: [] };
  const zendesk = await loadChannel(ctx, app, "zendesk");
  const front = await loadChannel(ctx, app, "front");
  const jobs: [ImportChannel, () => Promise<{ title: string; body: string }[]>][] = [];
  if (zendesk?.secrets.apiToken && zendesk.settings.baseUrl && zendesk.settings.agentEmail) {
    const { baseUrl, agentEmail } = zendesk.settings;
    const apiToken = zendesk.secrets.apiToken;
    jobs.push([
      "zendesk",
      () => fetchZendeskMacros({ baseUrl, email: agentEmail, apiToken, fetch: ctx.ports.outbound.fetch }),
    ]);
  }
  if (front?.secrets.apiToken) {
    const token = front.secrets.apiToken;
    const baseUrl = front.settings.baseUrl ?? FRONT_API_BASE_URL;
    jobs.push(["front", () => fetchFrontTemplates({ baseUrl, token, fetch: ctx.ports.outbound.fetch })]);
  }
  if (jobs.length === 0) {
    throw new AppError(
      "conflict",
      "neither Zendesk (API token, base URL, agent email) nor Front (API token) is configured",
    );
  }
  for (const [channel, fetchAll] of jobs) {
    try {
      const responses = await fetchAll();
      if (responses.length === 0) continue;
      const title = channel === "zendesk" ? "Zendesk macros" : "Front message templates";
      const source = await addCannedResponses(ctx, { app: app.id, title, origin: channel, responses });
      result.imported.push({ channel, sourceId: source.id, responses: responses.length });
    } catch (error) {
      result.failures.push({ channel, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}
