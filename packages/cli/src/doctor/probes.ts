import type { InngestSettings } from "@support/engine";
import type { Config } from "@support/product/config";
import { type Check, check, PROBE_TIMEOUT_MS, reasonOf, shownUrl, withTimeout } from "./check.js";

/** The Inngest API Inngest Cloud's SDK talks to, and where `inngest dev` listens by default. */
const INNGEST_CLOUD_API = "https://api.inngest.com";
const INNGEST_DEV_SERVER = "http://localhost:8288";

/** Workflows: the embedded engine needs nothing; Inngest must answer HTTP at its base URL. */
export async function probeWorkflows(settings: InngestSettings, dialect: string): Promise<Check> {
  if (settings.mode === "embedded") {
    return check("workflows", "ok", `embedded engine, durable in the ${dialect} database`);
  }
  const base = settings.baseUrl ?? (settings.mode === "cloud" ? INNGEST_CLOUD_API : INNGEST_DEV_SERVER);
  const label = settings.mode === "cloud" ? "Inngest Cloud" : "Inngest dev server";
  try {
    const res = await fetch(base, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    await res.body?.cancel();
    if (res.status >= 500) return check("workflows", "fail", `${label} at ${shownUrl(base)} answered ${res.status}`);
    return check("workflows", "ok", `${label} reachable at ${shownUrl(base)}`);
  } catch (error) {
    return check("workflows", "fail", `${label} unreachable at ${shownUrl(base)}: ${reasonOf(error)}`);
  }
}

/** Vectors: Upstash's `info` call proves the URL and the token (through the official SDK). */
export async function probeVectors(vectors: Config["vectors"]): Promise<Check> {
  if (!vectors) return check("vectors", "ok", "embedded hybrid index (BM25 + dense) in the database");
  const { Index } = await import("@upstash/vector");
  const index = new Index({ url: vectors.url, token: vectors.token, enableTelemetry: false, retry: false });
  try {
    const info = await withTimeout(index.info());
    return check("vectors", "ok", `Upstash Vector reachable at ${shownUrl(vectors.url)} (${info.vectorCount} vectors)`);
  } catch (error) {
    const reason = reasonOf(error);
    const refused = /unauthori[sz]ed|401/i.test(reason);
    return check(
      "vectors",
      "fail",
      refused
        ? `Upstash Vector at ${shownUrl(vectors.url)} refused the token`
        : `Upstash Vector unreachable at ${shownUrl(vectors.url)}: ${reason}`,
    );
  }
}

/** Model: retrieving the configured model is free, and proves the key, the base URL and the model name. */
export async function probeModel(anthropic: Config["anthropic"]): Promise<Check> {
  if (!anthropic) return check("model", "ok", "offline model: deterministic triage, extractive cited drafts");
  const { default: Anthropic, APIError } = await import("@anthropic-ai/sdk");
  const base = anthropic.baseUrl ?? "https://api.anthropic.com";
  const client = new Anthropic({
    apiKey: anthropic.apiKey,
    baseURL: anthropic.baseUrl ?? null,
    timeout: PROBE_TIMEOUT_MS,
    maxRetries: 0,
  });
  try {
    await client.models.retrieve(anthropic.model);
    return check("model", "ok", `Anthropic key accepted at ${shownUrl(base)}, model ${anthropic.model} available`);
  } catch (error) {
    if (error instanceof APIError && error.status === 401) {
      return check("model", "fail", `Anthropic at ${shownUrl(base)} refused the API key (401)`);
    }
    if (error instanceof APIError && error.status === 404) {
      return check("model", "fail", `Anthropic at ${shownUrl(base)} has no model ${anthropic.model} (404)`);
    }
    if (error instanceof APIError && error.status !== undefined) {
      return check("model", "fail", `Anthropic at ${shownUrl(base)} answered ${error.status}: ${reasonOf(error)}`);
    }
    return check("model", "fail", `Anthropic unreachable at ${shownUrl(base)}: ${reasonOf(error)}`);
  }
}

/** Slack: `auth.test` proves the bot token against the workspace (through the official SDK). */
export async function probeSlack(
  name: string,
  connection: { botToken: string; apiUrl: string | null; channelId: string },
): Promise<Check> {
  const { WebClient, LogLevel } = await import("@slack/web-api");
  const client = new WebClient(connection.botToken, {
    // The SDK joins the method name to this URL, so it must end with a slash.
    ...(connection.apiUrl ? { slackApiUrl: `${connection.apiUrl}/` } : {}),
    retryConfig: { retries: 0 },
    timeout: PROBE_TIMEOUT_MS,
    logLevel: LogLevel.ERROR,
  });
  try {
    const auth = await client.auth.test();
    return check(
      name,
      "ok",
      `connected as ${auth.user ?? "?"} in ${auth.team ?? "?"}; cards go to ${connection.channelId}`,
    );
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    return check(
      name,
      "fail",
      code ? `Slack refused the bot token (${code})` : `Slack unreachable: ${reasonOf(error)}`,
    );
  }
}
