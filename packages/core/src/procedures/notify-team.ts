import { procedureTeamMail } from "../mail/texts.js";
import { deliverNotification, raiseNotification } from "../notifications/notify.js";
import type { ServiceContext } from "../service/context.js";
import { type LoadedRun, messageKey, templateState } from "./run-record.js";
import { renderProcedureTemplate } from "./template-values.js";

/**
 * A procedure's "tell the team" step (ADR 0112): a notification of kind `procedure` (the
 * dashboard's "Needs attention" and the live stream, Slack when the organization has it) and,
 * when the step names an address, an email through the mail port (SMTP, or the embedded mailbox
 * of the sandbox outbox). When triage classified the request against the source its form
 * declared, both say so first: a person checks the classification before the work starts.
 */
export async function notifyTeam(
  ctx: ServiceContext,
  loaded: LoadedRun,
  step: { template: string; email?: string },
  key: string,
): Promise<Record<string, unknown>> {
  const { definition, data, run } = loaded;
  const declared = data.classification.declaredSource;
  const override = declared ? { category: data.classification.category, declared } : null;
  const text = renderProcedureTemplate(definition, step.template, templateState(data));
  const alert = override
    ? `Alert: classified as ${override.category} although the form declared ${override.declared}. `
    : "";
  const notification = await raiseNotification(ctx, {
    appId: run.appId,
    conversationId: run.conversationId,
    draftId: null,
    kind: "procedure",
    key: messageKey(run.id, key),
    reason: `${alert}${text}`,
  });
  const delivered = await deliverNotification(ctx, notification.id);
  // A retry after a crash between the mail and the step's record mails again: a duplicate alert
  // to the team is better than none, and SMTP offers nothing to deduplicate on.
  if (step.email) await ctx.ports.mail.send(teamMail(loaded, { template: step.template, email: step.email }, override));
  return {
    notificationId: notification.id,
    slack: delivered.slackTs !== null,
    mailed: step.email !== undefined,
    override: override !== null,
    ...(override ? { sourceOverride: override } : {}),
  };
}

function teamMail(
  loaded: LoadedRun,
  step: { template: string; email: string },
  override: { category: string; declared: string } | null,
) {
  const { definition, data, run } = loaded;
  const language = definition.defaultLanguage === "fr" ? "fr" : "en";
  // The team reads the template in the procedure's language, whatever the customer wrote in.
  const text = renderProcedureTemplate(definition, step.template, { ...templateState(data), language });
  const mail = procedureTeamMail(language, {
    procedure: definition.name,
    customer: data.customer.email || data.customer.name,
    text,
    conversationId: run.conversationId,
    override,
  });
  return { kind: "procedure" as const, orgId: run.orgId, to: step.email, ...mail };
}
