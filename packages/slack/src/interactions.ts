import type { AckFn, App, Logger as BoltLogger, LogLevel, Receiver, ViewResponseAction } from "@slack/bolt";
import type { DraftView } from "@support/contract";
import {
  AppError,
  approveDraft,
  findDraftView,
  rejectDraft,
  replyAsPerson,
  type ServiceContext,
  type SlackConnection,
  serviceContext,
} from "@support/core";
import type { Logger } from "pino";
import { z } from "zod";
import { ACTIONS, decisionLine } from "./card.js";
import { refreshApprovalCard } from "./cards.js";
import { type SlackClient, type SlackDeps, slackActor } from "./deps.js";
import { ACTION_CHOICE, approveModal, editModal, INPUTS, rejectModal, replyModal, VIEWS } from "./modals.js";

/** What each listener gets besides Bolt's arguments: the organization the request was verified for. */
export interface SlackRequestContext {
  connection: SlackConnection;
}

const actionBody = z.object({
  trigger_id: z.string().optional(),
  user: z.object({ id: z.string(), username: z.string().optional(), name: z.string().optional() }),
  channel: z.object({ id: z.string() }).optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional() })).min(1),
});
const viewBody = z.object({
  user: z.object({ id: z.string(), username: z.string().optional(), name: z.string().optional() }),
  view: z.object({
    id: z.string().optional(),
    private_metadata: z.string(),
    state: z.object({
      values: z.record(
        z.string(),
        z.record(
          z.string(),
          z.object({
            value: z.string().nullish(),
            selected_options: z.array(z.object({ value: z.string() })).nullish(),
          }),
        ),
      ),
    }),
  }),
});
type ViewBody = z.infer<typeof viewBody>;

/**
 * The actions ticked in a modal, among those the draft proposes. A modal without the checkboxes
 * (opened before the draft had actions) names none, so nothing the approver did not see runs.
 */
function tickedActions(body: ViewBody, draft: DraftView | undefined): string[] {
  const ticked = body.view.state.values[ACTION_CHOICE.block]?.[ACTION_CHOICE.action]?.selected_options ?? [];
  const proposed = new Set((draft?.actions ?? []).map((a) => a.id));
  return ticked.map((o) => o.value).filter((id) => proposed.has(id));
}

const OPEN = new Set(["pending_approval", "declined"]);

/** Bolt logs through the platform's logger, so nothing reaches stdout unstructured. */
function boltLogger(logger: Logger): BoltLogger {
  return {
    debug: (...m) => logger.debug({ bolt: m.map(String) }, "bolt"),
    info: (...m) => logger.info({ bolt: m.map(String) }, "bolt"),
    warn: (...m) => logger.warn({ bolt: m.map(String) }, "bolt"),
    error: (...m) => logger.error({ bolt: m.map(String) }, "bolt"),
    setLevel: () => undefined,
    getLevel: () => "info" as LogLevel,
    setName: () => undefined,
  };
}

/** The receiver is ours (it fits Hono); Bolt only routes a verified, parsed request to its listener. */
const externalReceiver: Receiver = { init: () => undefined, start: async () => undefined, stop: async () => undefined };

/**
 * Tells a late clicker who already decided, and refreshes the card in case it still shows
 * buttons (a decision made elsewhere whose update has not landed yet). A Slack retry of the
 * very click that decided gets no message: it changed nothing and the clicker already knows.
 */
async function explainAlreadyDecided(
  client: SlackClient,
  ctx: ServiceContext,
  connection: SlackConnection,
  draft: DraftView,
  to: { user: string; channel: string | undefined; retry: boolean },
) {
  await refreshApprovalCard(client, ctx, draft.id);
  if (to.retry && draft.decidedBy === ctx.actor.name) return;
  await client.slackApi(connection).postEphemeral({
    channel: to.channel ?? connection.channelId,
    user: to.user,
    text: `Nothing changed: this draft was already decided. ${decisionLine(draft)}.`,
  });
}

/** Applies a decision; on a conflict answers with who decided instead, and never decides twice. */
async function decide(
  ctx: ServiceContext,
  draftId: string,
  apply: () => Promise<DraftView>,
): Promise<{ ok: true } | { ok: false; draft: DraftView | undefined; message: string }> {
  try {
    await apply();
    return { ok: true };
  } catch (error) {
    if (!(error instanceof AppError) || !["conflict", "invalid_input", "not_found"].includes(error.code)) throw error;
    return { ok: false, draft: await findDraftView(ctx, draftId), message: error.message };
  }
}

/** Bolt is loaded on the first Slack request, so the CLI and a Slack-less server never pay for it. */
export async function createSlackBolt(deps: SlackDeps): Promise<App> {
  const { App } = await import("@slack/bolt");
  const app = new App({
    receiver: externalReceiver,
    // Tokens come per organization from our own configuration, through our adapter.
    authorize: async () => ({}),
    ignoreSelf: false,
    logger: boltLogger(deps.logger),
  });
  // Errors reach the receiver, which answers 500 and logs them.
  app.error(async (error) => {
    throw error;
  });

  const onButton =
    (kind: "approve" | "edit" | "reject") =>
    async (args: { ack: () => Promise<void>; body: unknown; context: Record<string, unknown> }) => {
      const { connection } = args.context as unknown as SlackRequestContext;
      const body = actionBody.parse(args.body);
      const draftId = body.actions[0]?.value ?? "";
      const ctx = serviceContext(deps.platform, connection.orgId, slackActor(body.user));
      const retry = args.context.retryNum !== undefined;
      const to = { user: body.user.id, channel: body.channel?.id, retry };
      const tell = (text: string) =>
        deps.slackApi(connection).postEphemeral({ channel: to.channel ?? connection.channelId, user: to.user, text });
      const draft = await findDraftView(ctx, draftId);
      if (!draft) {
        await tell(`Draft ${draftId} no longer exists.`);
      } else if (kind === "approve" && draft.actions.length === 0) {
        const result = await decide(ctx, draftId, () => approveDraft(ctx, draftId, { actions: [] }));
        if (!result.ok && result.draft && !OPEN.has(result.draft.status))
          await explainAlreadyDecided(deps, ctx, connection, result.draft, to);
        else if (!result.ok) await tell(`${result.message}. Use Edit to write the reply.`);
      } else if (!OPEN.has(draft.status)) {
        await explainAlreadyDecided(deps, ctx, connection, draft, to);
      } else if (body.trigger_id) {
        // A draft with actions is approved in a modal that lists them to tick: a click runs nothing.
        const view = kind === "approve" ? approveModal(draft) : kind === "edit" ? editModal(draft) : rejectModal(draft);
        await deps.slackApi(connection).openView({ triggerId: body.trigger_id, view });
      }
      await args.ack();
    };
  app.action(ACTIONS.approve, onButton("approve"));
  app.action(ACTIONS.edit, onButton("edit"));
  app.action(ACTIONS.reject, onButton("reject"));
  // A link button: Slack opens the URL itself and still sends the click, which needs only an ack.
  app.action(ACTIONS.open, async ({ ack }) => ack());

  const onSubmit =
    (kind: "approve" | "edit" | "reject") =>
    async (args: { ack: AckFn<void> | AckFn<ViewResponseAction>; body: unknown; context: Record<string, unknown> }) => {
      const ack = args.ack as AckFn<ViewResponseAction | undefined>;
      const { connection } = args.context as unknown as SlackRequestContext;
      const body = viewBody.parse(args.body);
      const draftId = body.view.private_metadata;
      const input = kind === "approve" ? ACTION_CHOICE : INPUTS[kind];
      const value = body.view.state.values[input.block]?.[input.action]?.value ?? "";
      const ctx = serviceContext(deps.platform, connection.orgId, slackActor(body.user));
      const actions = kind === "reject" ? [] : tickedActions(body, await findDraftView(ctx, draftId));
      const result = await decide(ctx, draftId, () =>
        kind === "approve"
          ? approveDraft(ctx, draftId, { actions })
          : kind === "edit"
            ? approveDraft(ctx, draftId, { text: value, actions })
            : rejectDraft(ctx, draftId, { reason: value }),
      );
      if (result.ok) return ack(undefined);
      const decided = result.draft && !OPEN.has(result.draft.status);
      if (decided && result.draft) await refreshApprovalCard(deps, ctx, draftId);
      const retryOfOwn = args.context.retryNum !== undefined && result.draft?.decidedBy === ctx.actor.name;
      if (retryOfOwn) return ack(undefined);
      const message =
        decided && result.draft ? `Nothing changed: already decided. ${decisionLine(result.draft)}.` : result.message;
      return ack({ response_action: "errors", errors: { [input.block]: message.slice(0, 150) } });
    };
  app.view(VIEWS.approve, onSubmit("approve"));
  app.view(VIEWS.edit, onSubmit("edit"));
  app.view(VIEWS.reject, onSubmit("reject"));

  app.action(ACTIONS.reply, async ({ ack, body, context }) => {
    const { connection } = context as unknown as SlackRequestContext;
    const parsed = actionBody.parse(body);
    const conversationId = parsed.actions[0]?.value ?? "";
    if (parsed.trigger_id) {
      await deps.slackApi(connection).openView({ triggerId: parsed.trigger_id, view: replyModal(conversationId) });
    }
    await ack();
  });
  // The view id keys the delivery: Slack's retry of one submission sends once.
  app.view(VIEWS.reply, async ({ ack, body, context }) => {
    const { connection } = context as unknown as SlackRequestContext;
    const parsed = viewBody.parse(body);
    const conversationId = parsed.view.private_metadata;
    const input = INPUTS.reply;
    const text = parsed.view.state.values[input.block]?.[input.action]?.value ?? "";
    const ctx = serviceContext(deps.platform, connection.orgId, slackActor(parsed.user));
    const refuse = (message: string) =>
      ack({ response_action: "errors", errors: { [input.block]: message.slice(0, 150) } });
    try {
      const delivery = await replyAsPerson(ctx, conversationId, {
        text,
        idempotencyKey: parsed.view.id ? `slack-${parsed.view.id}` : undefined,
      });
      if (delivery.status === "failed") return refuse(`The send failed: ${delivery.failureReason ?? "unknown"}`);
      return ack();
    } catch (error) {
      if (error instanceof AppError && error.code !== "internal") return refuse(error.message);
      throw error;
    }
  });
  return app;
}
