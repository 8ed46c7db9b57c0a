import type { WorkflowClient } from "@support/engine";
import { aiDraftingAllowance } from "../billing/entitlement.js";
import { handOverForBilling, reportDraftOverage } from "../billing/usage.js";
import { warnOwnersAboutQuotas } from "../billing/warnings.js";
import { gatherForConversation } from "../context/gather-step.js";
import { debounceSeconds, loadDraftInputs } from "../drafting/inputs.js";
import { planDraft } from "../drafting/plan-draft.js";
import { findStoredDraft, type StoredDraft, storeDraft } from "../drafting/store-draft.js";
import { procedureRunOfMessage, startProcedureRun } from "../procedures/run-start.js";
import { supersedePendingDrafts } from "../review/supersede.js";
import { type ServiceContext, serviceContext, WORKFLOW } from "../service/context.js";
import type { Platform } from "../service/ports.js";
import { noopTracer } from "../service/tracing.js";
import { conversationConcurrency } from "./concurrency.js";
import { supportEvents } from "./event-types.js";

const received = supportEvents["support/message.received"];
const requested = supportEvents["support/draft.requested"];

type Drafted = StoredDraft | { kind: "skipped"; reason: string };

/**
 * A customer wrote: wait out the burst (the app's debounce), gather the customer's data from the
 * product app (its own step, so a retried draft does not call the app again), then draft: load
 * the message and check the guards, plan the reply, store it. One draft per message (a redelivery
 * finds the stored one); one run per conversation at a time. After the wait, a newer customer
 * message means this run skips and the newer one is answered; a person who took over withdraws
 * the pending drafts. A person asking for a new draft (`support/draft.requested`) runs the same
 * steps at once for the next attempt on that message.
 */
export function draftOnMessage(inngest: WorkflowClient, platform: Platform) {
  return inngest.createFunction(
    {
      id: "draft-on-message",
      retries: 4,
      concurrency: conversationConcurrency(),
      triggers: [
        { event: received, if: "event.data.direction == 'inbound' && event.data.authorKind == 'customer'" },
        { event: requested },
      ],
    },
    async ({ event, step }) => {
      const ctx = serviceContext(platform, event.data.orgId, WORKFLOW);
      const { conversationId, messageId } = event.data;
      const attempt = "attempt" in event.data ? event.data.attempt : 0;
      if (attempt === 0) {
        const window = await step.run("debounce-window", () => debounceSeconds(ctx, event.data.appId));
        if (window > 0) await step.sleep("debounce", `${window}s`);
      }
      const gathered = await step.run("gather", () => gatherForConversation(ctx, conversationId));
      const drafted = await step.run("draft", () =>
        observed(ctx, { conversationId, messageId }, async (): Promise<Drafted> => {
          const stored = await findStoredDraft(ctx, messageId, attempt);
          if (stored) return { kind: "existing", draft: stored };
          // A procedure under way answers the conversation: its run waits for this very message.
          const running = await procedureRunOfMessage(ctx, conversationId, messageId);
          if (running) return { kind: "skipped", reason: `procedure run ${running} answers this conversation` };
          const inputs = await loadDraftInputs(ctx, { conversationId, messageId });
          if (inputs.kind === "skipped") {
            if (inputs.humanTookOver) await supersedePendingDrafts(ctx, conversationId, inputs.reason);
            return { kind: "skipped", reason: inputs.reason };
          }
          // Billing pauses only the model: the message is stored and the conversation goes to people.
          const allowance = await aiDraftingAllowance(ctx);
          if (!allowance.allowed) {
            await handOverForBilling(ctx, { appId: event.data.appId, conversationId, reason: allowance.message });
            return { kind: "skipped", reason: allowance.message };
          }
          const plan = await planDraft(ctx, inputs, gathered);
          if (plan.kind === "skipped" && plan.procedure) {
            const { runId } = await startProcedureRun(ctx, {
              appId: event.data.appId,
              conversationId,
              messageId,
              procedureId: plan.procedure.id,
              triage: plan.procedure,
            });
            return { kind: "skipped", reason: `${plan.reason}: run ${runId}` };
          }
          if (plan.kind === "skipped") return { kind: "skipped", reason: plan.reason };
          return storeDraft(ctx, { ...plan, values: { ...plan.values, attempt } });
        }),
      );
      if (drafted.kind === "drafted") {
        await step.run("meter", () => reportDraftOverage(ctx, drafted.draftId));
        // Every draft may pass a quota threshold; the owners hear of each one once per period.
        await step.run("quota-warnings", () => warnOwnersAboutQuotas(ctx));
      }
      return drafted;
    },
  );
}

/** The draft step as one trace span, and what the step records (JSON): the draft and its status, or why none. */
async function observed(
  ctx: ServiceContext,
  ids: { conversationId: string; messageId: string },
  draft: () => Promise<Drafted>,
) {
  const tracer = ctx.ports.tracer ?? noopTracer;
  return tracer.observe("pipeline.draft", "span", { orgId: ctx.org.id, ...ids }, async (run) => {
    const attempt = await draft();
    run.update({
      output:
        attempt.kind === "skipped"
          ? attempt
          : {
              kind: attempt.kind,
              draftId: attempt.draft.id,
              status: attempt.draft.status,
              category: attempt.draft.category,
            },
    });
    return attempt.kind === "skipped"
      ? attempt
      : { kind: attempt.kind, draftId: attempt.draft.id, status: attempt.draft.status };
  });
}
