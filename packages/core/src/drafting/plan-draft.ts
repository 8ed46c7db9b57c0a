import { randomUUID } from "node:crypto";
import { listOutcomes, type NewDraft } from "@support/db";
import {
  type AutonomyDecision,
  applyConfidencePolicy,
  type Draft,
  decideAutonomy,
  evidencePassages,
  type ModelDraft,
  type ModelResult,
  type RetrievedPassage,
  runGates,
  teamSignature,
  trustScore,
  whichPurchaseQuestion,
  withQuestion,
} from "@support/decisions";
import { catalogueAnswerFor, catalogueDraft, orderConfirmationFor } from "../commerce/catalogue-draft.js";
import { customerRecord } from "../context/customer-record.js";
import type { GatheredContext } from "../context/gather-step.js";
import { appTriage } from "../procedures/categories.js";
import { procedureForCategory } from "../procedures/definitions.js";
import type { ServiceContext } from "../service/context.js";
import { noopTracer, type Tracer } from "../service/tracing.js";
import {
  type ActionSetup,
  actionsNeedApproval,
  loadActionSetup,
  offeredActionTools,
  type PlannedActions,
  planDraftActions,
} from "./draft-actions.js";
import type { DraftInputs, DraftStep, SkippedDraft } from "./inputs.js";
import { actionsTakenIn, isModelFailure, ModelFailure, needsHumanValues } from "./safety.js";

/** A draft ready to be stored, and what each step produced on the way (for replays and traces). */
export type DraftValues = NewDraft;
export type DraftPlan =
  | SkippedDraft
  | { kind: "planned"; values: DraftValues; gatesPassed: boolean; steps: DraftStep[] };

function modelCall<T>(
  tracer: Tracer,
  name: string,
  input: Record<string, unknown>,
  call: () => Promise<ModelResult<T>>,
): Promise<ModelResult<T>> {
  return tracer.observe(name, "generation", input, async (generation) => {
    const result = await call().catch((error: unknown) => {
      throw new ModelFailure(name, error);
    });
    const usage = result.usage.reduce(
      (sum, u) => ({
        input: sum.input + u.inputTokens,
        output: sum.output + u.outputTokens,
        cost: sum.cost + (u.costUsd ?? 0),
      }),
      { input: 0, output: 0, cost: 0 },
    );
    generation.update({
      model: result.usage[0]?.model ?? "offline",
      usage: { input: usage.input, output: usage.output },
      costUsd: usage.cost,
      metadata: { fallbackReason: result.fallbackReason },
    });
    return result;
  });
}

/**
 * An action waiting for approval holds the draft for a person, whatever the autonomy policy says;
 * model proposals that were dropped are told to the approver.
 */
function withActions({ actions, dropped }: PlannedActions, decision: AutonomyDecision): AutonomyDecision {
  if (!actionsNeedApproval(actions)) return { ...decision, reasons: [...decision.reasons, ...dropped] };
  const waiting = actions.filter((a) => a.risk === "approval_required" && !a.autoApprovable).map((a) => a.action);
  const detail = `waits for approval of ${waiting.join(", ")}`;
  return {
    ...decision,
    autoSend: false,
    wouldAutoSend: false,
    reasons: [...decision.reasons, detail, ...dropped],
    checks: [...decision.checks, { condition: "actions", passed: false, detail }],
  };
}

/** A canned response used as the draft itself: its text verbatim, citing the macro. */
function cannedDraft(canned: { passage: RetrievedPassage; similarity: number }): ModelResult<Draft> {
  const { passage } = canned;
  return {
    value: {
      kind: "reply",
      text: passage.text,
      citations: [{ passageId: passage.id, sourceId: passage.sourceId, title: passage.title, url: passage.url }],
      confidence: canned.similarity,
      needsHuman: false,
      reasons: [`canned response "${passage.title}" matches the message`],
    },
    usage: [],
    fallbackReason: null,
  };
}

/** The stored attachments' file names (each channel's normaliser names them `name`). */
function attachmentNames(stored: unknown): string[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((a) => (a && typeof a === "object" && typeof a.name === "string" ? [a.name as string] : []));
}

/**
 * The second step of drafting: everything decided for one customer message, without writing
 * anything - triage, retrieval (or a canned response), the reply, the gates, the proposed
 * actions, trust and the autonomy decision - from the loaded inputs and the gathered customer data.
 */
export async function planDraft(
  ctx: ServiceContext,
  inputs: DraftInputs,
  gathered: GatheredContext,
): Promise<DraftPlan> {
  try {
    return await planWithModel(ctx, inputs, gathered);
  } catch (error) {
    if (!isModelFailure(error)) throw error;
    const steps = [...inputs.steps, { step: "model", output: { failed: String(error) } }];
    return { kind: "planned", gatesPassed: false, steps, values: needsHumanValues(ctx, inputs, error) };
  }
}

async function planWithModel(ctx: ServiceContext, inputs: DraftInputs, gathered: GatheredContext): Promise<DraftPlan> {
  const { conversation, app, settings, messages, message, contact } = inputs;
  const { model } = ctx.ports;
  const tracer = ctx.ports.tracer ?? noopTracer;
  const orgId = ctx.org.id;
  const steps: DraftStep[] = [...inputs.steps];
  const skip = (reason: string): DraftPlan => {
    steps.push({ step: "guard", output: { skipped: reason } });
    return { kind: "skipped", reason, steps };
  };
  const appCategories = await appTriage(ctx, app.id);
  const triage = await modelCall(tracer, "triage", { messageId: message.id, model: model.name }, () =>
    model.triage({
      message: {
        text: message.text,
        subject: conversation.subject ?? undefined,
        from: contact?.email ?? undefined,
        attachments: attachmentNames(message.attachments),
      },
      categories: appCategories.categories,
      defaultLanguage: settings.language,
    }),
  );
  const t = applyConfidencePolicy(triage.value, appCategories.policy);
  steps.push({ step: "triage", output: { ...t, fallbackReason: triage.fallbackReason } });
  if (t.automated || t.spam) return skip(t.automated ? `automated message (${t.automated})` : "spam");
  const procedure = t.needsHuman ? null : await procedureForCategory(ctx, app.id, t.category);
  if (procedure) {
    const reason = `procedure ${procedure.key} v${procedure.version} answers ${t.category}`;
    steps.push({ step: "procedure", output: { key: procedure.key, version: procedure.version } });
    const language = t.language ?? null;
    return {
      kind: "skipped",
      reason,
      steps,
      procedure: { id: procedure.id, key: procedure.key, category: t.category, language },
    };
  }

  steps.push({
    step: "gather",
    output: {
      user: gathered.user?.id ?? null,
      purchases: gathered.purchases.length,
      charges: gathered.charges.length,
      failures: gathered.failures,
    },
  });
  const traceId = randomUUID();
  const question = [conversation.subject, message.text].filter(Boolean).join("\n");
  const found = t.needsHuman
    ? { passages: [], relevant: false }
    : await ctx.ports.retrieve({ orgId, appId: app.id, query: message.text, k: 5 });
  // Learned conversations are evidence, never another customer's reply to copy (ADR 0090).
  const retrieval = { ...found, passages: evidencePassages(found.passages) };
  steps.push({
    step: "retrieve",
    output: {
      relevant: retrieval.relevant,
      relevance: "relevance" in retrieval ? retrieval.relevance : undefined,
      passages: retrieval.passages.map((p) => ({ id: p.id, title: p.title, score: p.score })),
    },
  });
  // Without an account in the app there is nothing to act on, and no integration to ask about.
  const actionSetup: ActionSetup | undefined =
    t.needsHuman || !gathered.user ? undefined : await loadActionSetup(ctx, app.id);
  const actionTools = actionSetup ? offeredActionTools(actionSetup, gathered) : [];
  const earlierReplies = messages.filter((m) => m.direction === "outbound").map((m) => m.text);
  const canned = t.needsHuman
    ? undefined
    : await ctx.ports.findCanned?.({ orgId, appId: app.id, message: message.text });
  if (canned) {
    steps.push({
      step: "canned",
      output: { passageId: canned.passage.id, title: canned.passage.title, similarity: canned.similarity },
    });
    retrieval.passages = [canned.passage, ...retrieval.passages.filter((p) => p.id !== canned.passage.id)];
  }
  // A question about the shop's products is answered from its catalogue, figures included; a
  // reply accepting the quote sent is answered with the order confirmation.
  const catalogue =
    t.needsHuman || canned
      ? undefined
      : ((await orderConfirmationFor(ctx, conversation.id, message.text)) ??
        (await catalogueAnswerFor(ctx, app.id, message.text, t.language)));
  if (catalogue) steps.push({ step: "catalogue", output: catalogue });
  const fixedDraft = canned ? cannedDraft(canned) : catalogue ? catalogueDraft(catalogue) : undefined;
  const drafted: ModelResult<ModelDraft> | undefined = t.needsHuman
    ? undefined
    : fixedDraft
      ? fixedDraft
      : await modelCall(tracer, "draft", { messageId: message.id, passages: retrieval.passages.length }, () =>
          model.draft({
            question,
            customerName: contact?.name ?? null,
            language: t.language,
            tone: settings.tone,
            persona: `${app.name}'s support team`,
            signature: settings.signature ?? teamSignature(t.language, app.name),
            // The model always sees the top passages with their scores, and retrieval's verdict, and decides.
            passages: retrieval.passages,
            relevant: retrieval.relevant,
            conversation: messages
              .filter((m) => m.direction !== "internal" && m.createdAt <= message.createdAt)
              .map((m) => ({
                from: m.direction === "inbound" ? ("customer" as const) : ("agent" as const),
                text: m.text,
              })),
            customerContext: gathered.lines,
            actions: actionTools,
          }),
        );
  const draft = drafted?.value;
  steps.push({ step: "draft", output: draft ?? { skipped: "the customer asked for a person" } });
  const planned: PlannedActions = actionSetup
    ? planDraftActions(actionSetup, {
        intent: t.intent,
        context: gathered,
        proposals: draft?.proposals,
        message: question,
      })
    : { actions: [], dropped: [] };
  const { actions } = planned;
  steps.push({ step: "actions", output: planned });
  // Unsure which purchase the customer means: the reply asks rather than act on a guess.
  if (draft?.kind === "reply" && planned.ask?.length)
    draft.text = withQuestion(draft.text, whichPurchaseQuestion(t.language, planned.ask));
  const gates =
    draft && draft.kind === "reply"
      ? runGates({
          text: draft.text,
          citedPassageIds: draft.citations.map((c) => c.passageId),
          passages: retrieval.passages,
          // The catalogue's figures are facts the reply may state, as customer data is.
          customerData: catalogue ? [...gathered.lines, catalogue.text] : gathered.lines,
          customerLanguage: t.language,
          bannedPhrases: settings.bannedPhrases,
          earlierReplies,
          actions: [...actions.map((a) => a.action), ...(await actionsTakenIn(ctx, conversation.id))],
        })
      : [];
  steps.push({ step: "gates", output: gates });
  const category = appCategories.categories.find((c) => c.name === t.category);
  const outcomes = await listOutcomes(ctx.db, orgId, app.id, { category: t.category });
  const trust = trustScore(
    outcomes.map((o) => ({
      outcome: o.outcome as Parameters<typeof trustScore>[0][number]["outcome"],
      at: o.createdAt,
    })),
    new Date(),
  );
  steps.push({ step: "trust", output: trust });
  const decision = withActions(
    planned,
    decideAutonomy({
      settings,
      category: t.category,
      categoryRisk: category?.risk ?? "high",
      intent: t.intent,
      flags: t.flags,
      needsHuman: t.needsHuman || !draft || draft.needsHuman,
      confidence: Math.min(t.confidence, draft?.confidence ?? 0),
      trust,
      gates,
      shadowMode: settings.shadowMode,
    }),
  );
  const status = t.needsHuman
    ? "escalated"
    : !draft || draft.kind === "decline"
      ? "declined"
      : decision.autoSend
        ? "approved"
        : "pending_approval";
  const fallback = [triage.fallbackReason, drafted?.fallbackReason].filter(Boolean);
  steps.push({
    step: "decide",
    output: { status, autoSend: decision.autoSend, wouldAutoSend: decision.wouldAutoSend, reasons: decision.reasons },
  });
  return {
    kind: "planned",
    gatesPassed: gates.every((g) => g.passed),
    steps,
    values: {
      orgId,
      appId: app.id,
      conversationId: conversation.id,
      messageId: message.id,
      status,
      category: t.category,
      text: draft?.text ?? "",
      citations: draft?.citations ?? [],
      triage: t,
      gates,
      decision: { ...decision, relevant: retrieval.relevant, fallback },
      usage: [...triage.usage, ...(drafted?.usage ?? [])],
      traceId,
      sentText: null,
      deliveryId: null,
      decidedBy: status === "approved" ? "autonomy" : status === "escalated" ? "triage" : null,
      decidedAt: status === "approved" || status === "escalated" ? new Date() : null,
      decidedVia: null,
      remindedAt: null,
      reason: status === "escalated" ? "the customer asked for a person" : (draft?.reasons.join("; ") ?? null),
      customer: customerRecord(gathered),
      // An auto-sent draft runs the actions that may run without a person (all of them, or it would wait).
      actions: actions.map((a) => (status === "approved" ? { ...a, approved: a.autoApprovable } : a)),
    },
  };
}
