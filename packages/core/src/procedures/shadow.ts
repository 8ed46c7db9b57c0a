import type { ProcedureDefinition, ProcedureStep } from "@support/contract";
import {
  describeMissing,
  detectLanguage,
  type Extracted,
  extractFields,
  type IncomingAttachment,
  interpretReply,
  missingItems,
  type QuoteResult,
  quoteFromGrid,
} from "@support/decisions";
import { renderProcedureTemplate, renderProcedureText } from "./template-values.js";

/**
 * A procedure over a scripted conversation in shadow mode: every step runs its pure logic and
 * records what it would do (send, create, notify), nothing is sent and nothing is stored. The
 * durable runner takes the same decisions, one workflow step each.
 */

export interface TranscriptMessage {
  text: string;
  attachments?: IncomingAttachment[];
}
export interface Transcript {
  customer: { email: string; name?: string };
  messages: TranscriptMessage[];
}
export interface ShadowStep {
  step: string;
  kind: ProcedureStep["kind"];
  input: Record<string, unknown>;
  output: Record<string, unknown>;
}
export interface ShadowRun {
  /** finished, handed_off, or waiting (the transcript ran out where the customer would answer). */
  outcome: "finished" | "handed_off" | "waiting";
  conversationStatus: string | null;
  language: string;
  extracted: Extracted;
  steps: ShadowStep[];
}

const MAX_STEPS = 200;
const END = "end";

export function simulateProcedure(definition: ProcedureDefinition, transcript: Transcript): ShadowRun {
  const [first, ...replies] = transcript.messages;
  if (!first) throw new Error("a transcript needs at least one customer message");
  const detected = detectLanguage(first.text);
  const language = detected.language && detected.confidence >= 0.4 ? detected.language : definition.defaultLanguage;
  const steps: ShadowStep[] = [];
  let extracted = extractFields(definition.fields, first);
  let quote: QuoteResult | null = null;
  let conversationStatus: string | null = null;
  let missing = "";

  const state = () => ({
    customer: { email: transcript.customer.email, name: transcript.customer.name ?? "" },
    language,
    missing,
    quote,
    extracted,
  });
  const render = (template: string) => renderProcedureTemplate(definition, template, state());
  /** The customer's next message, folded into what was extracted; null when the transcript ends. */
  const nextReply = () => {
    const reply = replies.shift();
    if (!reply) return null;
    const before = extracted;
    extracted = extractFields(definition.fields, reply, extracted);
    const newFields = Object.keys(extracted).filter(
      (name) => JSON.stringify(before[name]) !== JSON.stringify(extracted[name]),
    );
    return { reply, newFields };
  };
  const finish = (outcome: ShadowRun["outcome"]): ShadowRun => ({
    outcome,
    conversationStatus,
    language,
    extracted,
    steps,
  });

  let index = 0;
  while (steps.length < MAX_STEPS) {
    const step = definition.steps[index];
    if (!step) return finish("finished");
    const record = (input: Record<string, unknown>, output: Record<string, unknown>) =>
      steps.push({ step: step.id, kind: step.kind, input, output });
    let jump: string | undefined = step.next;
    switch (step.kind) {
      case "extract":
        record({ fields: definition.fields.map((f) => f.name) }, { extracted: { ...extracted } });
        break;
      case "checklist": {
        let groups = missingItems(definition.checklist ?? [], definition.fields, extracted);
        while (groups.length > 0) {
          missing = describeMissing(groups, language, definition.defaultLanguage);
          record({ missing }, { wouldSend: render(step.template), thenWaitHours: step.wait.timeoutHours });
          if (!nextReply()) return finish("waiting");
          groups = missingItems(definition.checklist ?? [], definition.fields, extracted);
        }
        record({}, { complete: true, extracted: { ...extracted } });
        break;
      }
      case "quote": {
        quote = quoteFromGrid(definition.quote?.rules ?? [], extracted);
        if (!quote || quote.kind === "handoff") {
          const notice = step.handoffTemplate ? render(step.handoffTemplate) : null;
          record({}, { quote, wouldSend: notice, handoff: "the grid does not price this request" });
          return finish("handed_off");
        }
        record({}, { quote, wouldSend: render(step.template) });
        break;
      }
      case "interpret_reply": {
        const next = nextReply();
        if (!next) {
          record({}, { waitingHours: step.timeoutHours });
          return finish("waiting");
        }
        const reading = interpretReply(next.reply.text, { newFields: next.newFields });
        jump = step.on[reading.intent];
        record({ reply: next.reply.text }, { ...reading, next: jump });
        break;
      }
      case "message":
        record({ approval: step.approval }, { wouldSend: render(step.template) });
        break;
      case "create_task":
        record({}, { wouldCreateTask: renderProcedureText(definition, step.title, state()) });
        break;
      case "notify":
        record({}, { wouldNotify: render(step.template) });
        break;
      case "set_status":
        conversationStatus = step.status;
        record({}, { status: step.status });
        break;
      case "handoff":
        record({}, { handoff: step.reason });
        return finish("handed_off");
    }
    if (jump === END) return finish("finished");
    index = jump ? definition.steps.findIndex((s) => s.id === jump) : index + 1;
  }
  throw new Error(`the procedure ran ${MAX_STEPS} steps without waiting or ending (a loop)`);
}
