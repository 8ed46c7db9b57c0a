import {
  activeProcedureRun,
  getContact,
  getConversation,
  insertProcedureRun,
  listMessages,
  procedureRunsOfConversation,
} from "@support/db";
import { extractFields } from "@support/decisions";
import { commitChange } from "../service/change.js";
import type { ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { procedureVersion } from "./definitions.js";
import { attachmentsOf } from "./run-record.js";
import type { RunData } from "./run-views.js";

/**
 * Starts a run of the live procedure for a triaged message, with `support/procedure.started`, in
 * one transaction; the existing run when the message already started one (a redelivered draft
 * step). The run extracts what the first message holds.
 */
export async function startProcedureRun(
  ctx: ServiceContext,
  input: {
    appId: string;
    conversationId: string;
    messageId: string;
    procedureId: string;
    triage: { category: string; language: string | null };
  },
): Promise<{ runId: string; created: boolean }> {
  const orgId = ctx.org.id;
  const procedure = await procedureVersion(ctx, input.procedureId);
  const conversation = await getConversation(ctx.db, orgId, input.conversationId);
  if (!conversation) throw new AppError("not_found", `conversation "${input.conversationId}" not found`);
  const [contact, messages] = await Promise.all([
    getContact(ctx.db, orgId, conversation.contactId),
    listMessages(ctx.db, orgId, conversation.id),
  ]);
  const message = messages.find((m) => m.id === input.messageId);
  if (!message) throw new AppError("not_found", `message "${input.messageId}" not found`);
  const definition = procedure.definition;
  const declared = (message.metadata as { source?: unknown } | null)?.source;
  const data: RunData = {
    language: input.triage.language ?? definition.defaultLanguage,
    customer: { email: contact?.email ?? "", name: contact?.name ?? "" },
    extracted: extractFields(definition.fields, { text: message.text, attachments: attachmentsOf(message) }),
    quote: null,
    missing: null,
    classification: {
      category: input.triage.category,
      // A form's "modelisation" is the category MODELISATION: only another category is an override.
      declaredSource:
        typeof declared === "string" && declared.trim().toLowerCase() !== input.triage.category.toLowerCase()
          ? declared.trim()
          : null,
    },
  };
  return commitChange(ctx, async (tx, log) => {
    const { run, created } = await insertProcedureRun(tx, {
      orgId,
      appId: input.appId,
      conversationId: conversation.id,
      procedureId: procedure.id,
      procedureKey: procedure.key,
      procedureVersion: procedure.version,
      triggerMessageId: message.id,
      data,
    });
    if (created) {
      await log.audit({
        action: "procedure.run_started",
        subject: run.id,
        data: { conversationId: conversation.id, key: procedure.key, version: procedure.version },
      });
      const { declaredSource } = data.classification;
      if (declaredSource) {
        await log.audit({
          action: "procedure.source_overridden",
          subject: run.id,
          data: { conversationId: conversation.id, declared: declaredSource, category: input.triage.category },
        });
      }
      await log.emit("support/procedure.started", {
        v: 1,
        orgId,
        appId: input.appId,
        conversationId: conversation.id,
        runId: run.id,
      });
    }
    return { runId: run.id, created };
  });
}

/**
 * The run a customer message belongs to: one under way on its conversation, or one that was
 * under way when the message arrived (its reply, read before this drafting turn came), so a
 * reply never starts a second run or a draft.
 */
export async function procedureRunOfMessage(
  ctx: ServiceContext,
  conversationId: string,
  messageId: string,
): Promise<string | null> {
  const active = await activeProcedureRun(ctx.db, ctx.org.id, conversationId);
  if (active) return active.id;
  const message = (await listMessages(ctx.db, ctx.org.id, conversationId)).find((m) => m.id === messageId);
  if (!message) return null;
  const at = message.createdAt.getTime();
  const runs = await procedureRunsOfConversation(ctx.db, ctx.org.id, conversationId);
  const owner = runs.find(
    (run) => run.createdAt.getTime() <= at && (run.finishedAt === null || run.finishedAt.getTime() >= at),
  );
  return owner?.id ?? null;
}
