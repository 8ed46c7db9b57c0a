import { FRONT_API_BASE_URL } from "@support/channels";
import { type Database, getApp, type SecretBox } from "@support/db";
import { fetchFrontTemplates, fetchZendeskMacros } from "@support/knowledge";
import { loadChannel } from "../intake/channels.js";
import { AppError } from "../service/errors.js";
import { addCannedResponses } from "./add.js";
import type { KnowledgeDeps } from "./deps.js";
import { processSource } from "./ingest.js";

export interface CannedImport {
  channel: "zendesk" | "front";
  sourceId: string;
  responses: number;
}

/**
 * Zendesk macros and Front message templates, fetched with the credentials stored for the app's
 * channels, become canned-response sources in the app's namespace. A channel without an API
 * token is skipped; one that fails is reported and the other still imports.
 */
export async function importCannedResponses(
  deps: { database: Database; secrets: SecretBox; knowledge: KnowledgeDeps; fetch?: typeof fetch },
  orgId: string,
  appRef: string,
  actor: string,
): Promise<{ imported: CannedImport[]; failures: { channel: string; error: string }[] }> {
  const app = await getApp(deps.database.db, orgId, appRef);
  if (!app) throw new AppError("not_found", `app "${appRef}" not found`);
  const imported: CannedImport[] = [];
  const failures: { channel: string; error: string }[] = [];
  const store = { db: deps.database, ports: deps };
  const zendesk = await loadChannel(store, app, "zendesk");
  const front = await loadChannel(store, app, "front");
  const jobs: [CannedImport["channel"], () => Promise<{ title: string; body: string }[]>][] = [];
  if (zendesk?.secrets.apiToken && zendesk.settings.baseUrl && zendesk.settings.agentEmail) {
    const { baseUrl, agentEmail } = zendesk.settings;
    const apiToken = zendesk.secrets.apiToken;
    jobs.push(["zendesk", () => fetchZendeskMacros({ baseUrl, email: agentEmail, apiToken, fetch: deps.fetch })]);
  }
  if (front?.secrets.apiToken) {
    const token = front.secrets.apiToken;
    const baseUrl = front.settings.baseUrl ?? FRONT_API_BASE_URL;
    jobs.push(["front", () => fetchFrontTemplates({ baseUrl, token, fetch: deps.fetch })]);
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
      const source = await addCannedResponses(
        deps.knowledge,
        orgId,
        app.id,
        { title, origin: channel, responses },
        actor,
      );
      await processSource(deps.knowledge, orgId, source.id);
      imported.push({ channel, sourceId: source.id, responses: responses.length });
    } catch (error) {
      failures.push({ channel, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return { imported, failures };
}
