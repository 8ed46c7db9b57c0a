import type { App } from "@slack/bolt";
import { verifySlack } from "@support/channels";
import {
  findConversationView,
  findDraftView,
  listSlackConnections,
  type SlackConnection,
  serviceContext,
} from "@support/core";
import { SLACK_APP, type SlackDeps } from "./deps.js";
import { createSlackBolt } from "./interactions.js";

/** The request as the HTTP layer hands it over: the raw bytes, before anything is parsed. */
export interface SlackHttpRequest {
  rawBody: Uint8Array;
  contentType: string | undefined;
  header(name: string): string | undefined;
}

export interface SlackHttpResponse {
  status: number;
  body?: unknown;
}

/**
 * The connections whose signing secret verifies the request. Slack calls one URL for every
 * workspace, so each configured secret is tried (one HMAC each, constant-time compare); several
 * match when one Slack app is connected to several organizations.
 */
async function verifiedConnections(deps: SlackDeps, req: SlackHttpRequest) {
  // Slack signs before any organization is known: every configured connection is a candidate.
  const connections = await listSlackConnections(deps.platform.db, deps.platform.ports.secrets);
  if (connections.length === 0) return { matched: [], reason: "not_configured" };
  const matched: SlackConnection[] = [];
  let reason = "bad_signature";
  for (const connection of connections) {
    const verified = verifySlack({
      rawBody: req.rawBody,
      timestamp: req.header("x-slack-request-timestamp"),
      signature: req.header("x-slack-signature"),
      secrets: [connection.signingSecret],
    });
    if (verified.ok) matched.push(connection);
    else reason = verified.reason;
  }
  return { matched, reason };
}

/** The draft or conversation (Reply) a click or a modal submission is about (a button's value, a modal's metadata). */
function draftIdOf(body: Record<string, unknown>): string | undefined {
  const actions = body.actions as { value?: unknown }[] | undefined;
  const view = body.view as { private_metadata?: unknown } | undefined;
  const id = actions?.[0]?.value ?? view?.private_metadata;
  return typeof id === "string" ? id : undefined;
}

/** Among organizations sharing a Slack app, the one that owns the draft or conversation the request is about. */
async function owningConnection(deps: SlackDeps, matched: SlackConnection[], body: Record<string, unknown>) {
  const draftId = draftIdOf(body);
  if (matched.length === 1 || !draftId) return matched[0];
  for (const connection of matched) {
    const ctx = serviceContext(deps.platform, connection.orgId, SLACK_APP);
    const owned = draftId.startsWith("cnv_")
      ? await findConversationView(ctx, draftId)
      : await findDraftView(ctx, draftId);
    if (owned) return connection;
  }
  return matched[0];
}

/** Interactions arrive form-encoded (`payload=<json>`), Events API calls as JSON. */
function parseBody(req: SlackHttpRequest): Record<string, unknown> | undefined {
  const text = Buffer.from(req.rawBody).toString("utf8");
  try {
    if (req.contentType?.startsWith("application/x-www-form-urlencoded")) {
      const form = new URLSearchParams(text);
      const payload = form.get("payload");
      if (payload) return JSON.parse(payload) as Record<string, unknown>;
      return Object.fromEntries(form.entries());
    }
    const parsed = JSON.parse(text) as unknown;
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Slack's HTTP entry point, for `/slack/events` and `/slack/interactions` alike: verify the v0
 * signature on the raw body, answer Slack's own handshakes, and hand everything else to Bolt.
 * The listener decides before it acknowledges (a decision is a short transaction), so the 200
 * means it is stored; a Slack retry (`x-slack-retry-num`) meets the draft's state machine and
 * changes nothing.
 */
export function createSlackReceiver(deps: SlackDeps) {
  let bolt: Promise<App> | undefined;
  const { counters } = deps.platform.ports;
  return async function handle(req: SlackHttpRequest): Promise<SlackHttpResponse> {
    const { matched, reason } = await verifiedConnections(deps, req);
    if (matched.length === 0) {
      counters.increment("slack_rejected_total", { reason });
      deps.logger.warn({ reason }, reason === "not_configured" ? "Slack not configured" : "Slack request rejected");
      return { status: 401, body: { error: "invalid_signature" } };
    }
    const body = parseBody(req);
    if (!body) return { status: 400, body: { error: "malformed_body" } };
    const connection = await owningConnection(deps, matched, body);
    if (body.type === "url_verification") return { status: 200, body: { challenge: body.challenge } };
    if (body.ssl_check) return { status: 200 };
    const retry = req.header("x-slack-retry-num");
    let response: unknown;
    bolt ??= createSlackBolt(deps);
    await (await bolt).processEvent({
      body,
      retryNum: retry !== undefined && /^\d+$/.test(retry) ? Number(retry) : undefined,
      retryReason: req.header("x-slack-retry-reason"),
      customProperties: { connection },
      ack: async (answer?: unknown) => {
        response = answer;
      },
    });
    counters.increment("slack_accepted_total", { type: String(body.type ?? "unknown") });
    return response === undefined || response === "" ? { status: 200 } : { status: 200, body: response };
  };
}
export type SlackReceiver = ReturnType<typeof createSlackReceiver>;
