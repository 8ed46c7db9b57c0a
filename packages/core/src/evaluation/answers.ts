import { parseWebForm } from "@support/channels";
import { type App, findMessagesByExternalId } from "@support/db";
import {
  type AnswerObservation,
  type AnswerQuestion,
  type AnswerReport,
  type AutonomyDecision,
  scoreAnswers,
} from "@support/decisions";
import { gatherForConversation } from "../context/gather-step.js";
import { loadDraftInputs } from "../drafting/inputs.js";
import { planDraft } from "../drafting/plan-draft.js";
import { ingestDelivery } from "../intake/ingest.js";
import { addFileSource } from "../knowledge/add.js";
import { processSource } from "../knowledge/processing.js";
import { requireRole, type ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { changeApp, registerApp } from "../tenancy/apps.js";
import { customersOf } from "./customers.js";

/** One business of an answer set: its knowledge files and its labelled questions. */
export interface AnswerBusiness {
  name: string;
  /** The app's language: what triage falls back to when a message's cannot be told. */
  language: string;
  kb: { name: string; bytes: Uint8Array }[];
  questions: AnswerQuestion[];
}

/** The autonomy checks that only time satisfies (a tier switched on, outcomes and trust earned). */
const EARNED_OVER_TIME = new Set(["tier", "min_outcomes", "trust"]);

async function openBusiness(ctx: ServiceContext, business: AnswerBusiness, index: number): Promise<App> {
  const { app } = await registerApp(ctx, { name: business.name, slug: `eval-${index + 1}` });
  await changeApp(ctx, app.id, { settings: { language: business.language, shadowMode: true, debounceSeconds: 0 } });
  for (const file of business.kb) {
    const source = await addFileSource(ctx, { app: app.id, name: file.name, bytes: file.bytes });
    const settled = await processSource(ctx, source.id);
    if (settled.status !== "ready") {
      throw new AppError("invalid_input", `${business.name}: ${file.name} could not be indexed (${settled.error})`);
    }
  }
  return app;
}

/** One question as a customer's message through the form's intake, then the drafting steps; nothing is stored beyond the message. */
async function ask(
  ctx: ServiceContext,
  app: App,
  question: AnswerQuestion,
  customer: { name: string; email: string },
): Promise<Omit<AnswerObservation, "business" | "otherCustomers">> {
  const parsed = parseWebForm({ name: customer.name, email: customer.email, message: question.text });
  if (parsed.kind !== "message") throw new AppError("invalid_input", "the question was taken for a bot");
  const raw = { channel: "web" as const, rawBody: JSON.stringify({ message: question.text }), headers: {} };
  await ingestDelivery(ctx.db, app, raw, parsed.delivery);
  const externalId = parsed.delivery.messages[0]?.externalId ?? "";
  const [message] = await findMessagesByExternalId(ctx.db, ctx.org.id, externalId);
  if (!message) throw new AppError("internal", "the question was not stored");
  const inputs = await loadDraftInputs(ctx, { conversationId: message.conversationId, messageId: message.id });
  const plan =
    inputs.kind === "ready"
      ? await planDraft(ctx, inputs, await gatherForConversation(ctx, message.conversationId))
      : inputs;
  if (plan.kind === "skipped") {
    return { question, status: "skipped", text: "", language: "", category: "", autoSendable: false, actions: [] };
  }
  const { values } = plan;
  const retrieve = plan.steps.find((s) => s.step === "retrieve")?.output as {
    relevance?: AnswerObservation["relevance"];
  };
  const decision = values.decision as unknown as AutonomyDecision;
  const triage = values.triage as { language?: string };
  const held = decision.checks.filter((c) => !EARNED_OVER_TIME.has(c.condition) && !c.passed);
  return {
    question,
    status: values.status,
    text: values.text,
    language: triage.language ?? "",
    category: values.category ?? "",
    autoSendable: held.length === 0,
    heldBy: held.map((c) => c.detail),
    relevance: retrieve?.relevance,
    actions: ((values.actions ?? []) as { action: string }[]).map((a) => a.action),
  };
}

/**
 * `skill eval answers`: each business becomes an app of the context's organization (shadow mode,
 * its knowledge indexed), each question a customer's message through the form's intake, answered
 * by the drafting steps the workflow runs (triage, retrieval, drafting, gates, actions, decision)
 * without storing a draft or sending anything; the outcomes are scored against the labels.
 * Admins only: it creates apps. Meant for a throwaway product (the CLI opens one).
 */
export async function evaluateAnswers(ctx: ServiceContext, businesses: AnswerBusiness[]): Promise<AnswerReport> {
  requireRole(ctx, "admin");
  // Model calls of an evaluation are not observations of the live pipeline.
  const untraced: ServiceContext = { ...ctx, ports: { ...ctx.ports, tracer: undefined } };
  const observations: AnswerObservation[] = [];
  for (const [index, business] of businesses.entries()) {
    const app = await openBusiness(untraced, business, index);
    const customers = customersOf(business.questions);
    for (const [i, question] of business.questions.entries()) {
      const customer = customers[i] as { name: string; email: string };
      const others = customers.filter((c) => c !== customer).flatMap((c) => [c.name, c.email]);
      const observed = await ask(untraced, app, question, customer);
      observations.push({ ...observed, business: business.name, otherCustomers: others });
    }
  }
  return scoreAnswers(observations);
}
