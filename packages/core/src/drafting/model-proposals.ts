import type { ActionTool, ModelActionProposal } from "@support/decisions";
import { actions, type IntegrationMethodName } from "@support/sdk";
import { formatMoney } from "../context/gather.js";
import {
  type ActionCandidate,
  type ProposalContext,
  type ProposalSetting,
  type ProposedAction,
  refundableAmount,
  toProposedAction,
} from "./proposals.js";

/**
 * Actions the drafting model may propose, as tools. Reads are not offered: the gather step has
 * already made them. The descriptions are static and the order fixed, so an app offering the
 * same actions sends the same tool definitions and the prompt cache keeps hitting.
 */
const TOOL_DESCRIPTIONS: Partial<Record<IntegrationMethodName, string>> = {
  refund:
    "Propose refunding one of the customer's purchases; a person approves it before it runs. purchaseId: the id of a purchase in the customer context; amount: in minor units (cents), at most what is left to refund, omit it to refund the rest; reason: a few words on why.",
  generateMagicLink:
    "Propose sending a one-time login link to the email address on the customer's account, for a customer who cannot log in.",
  revokeAccess:
    "Propose revoking the customer's access (userId from the customer context), to one purchase when purchaseId is given; a person approves it.",
  transferPurchase:
    "Propose moving one of the customer's purchases to another email address the customer named; a person approves it.",
  updateEmail:
    "Propose changing the email address on the customer's account (userId from the customer context) to one the customer asked for; a person approves it.",
};
const OFFER_ORDER = Object.keys(TOOL_DESCRIPTIONS) as IntegrationMethodName[];

/** Whether the customer's data makes the action possible at all. */
function possible(action: IntegrationMethodName, context: ProposalContext): boolean {
  if (!context.user) return false;
  if (action === "refund") return context.purchases.some((p) => refundableAmount(p) > 0);
  if (action === "transferPurchase") return context.purchases.length > 0;
  if (action === "generateMagicLink") return Boolean(context.user.email);
  return true;
}

/**
 * The tools to offer with the draft: actions the app can carry out (`proposable`, null when its
 * capabilities were never checked) that the gathered context makes possible, each with the SDK
 * contract's zod input schema.
 */
export function actionTools(proposable: string[] | null, context: ProposalContext): ActionTool[] {
  return OFFER_ORDER.filter((a) => (proposable === null || proposable.includes(a)) && possible(a, context)).map(
    (name) => ({ name, description: TOOL_DESCRIPTIONS[name] as string, input: actions[name].input }),
  );
}

type Checked = { ok: true; candidate: ActionCandidate } | { ok: false; why: string };

/** The proposal's input against the customer's data: only their purchases, amounts, account and address. */
function checkAgainstContext(candidate: ActionCandidate, context: ProposalContext): Checked {
  const { action, input } = candidate;
  const user = context.user;
  if (!user) return { ok: false, why: "the customer has no account in the app" };
  const ownPurchase = (id: unknown) => context.purchases.find((p) => p.id === id);
  if (input.purchaseId !== undefined && !ownPurchase(input.purchaseId)) {
    return { ok: false, why: `purchase ${input.purchaseId} is not one of the customer's` };
  }
  if (input.userId !== undefined && input.userId !== user.id) {
    return { ok: false, why: `account ${input.userId} is not the customer's` };
  }
  if (action === "refund") {
    const purchase = ownPurchase(input.purchaseId);
    const left = purchase ? refundableAmount(purchase) : 0;
    if (!purchase || left === 0) return { ok: false, why: `purchase ${input.purchaseId} has nothing left to refund` };
    const amount = (input.amount as number | undefined) ?? left;
    if (amount > left) {
      return {
        ok: false,
        why: `${formatMoney(amount, purchase.currency)} is more than the ${formatMoney(left, purchase.currency)} left to refund on ${purchase.id}`,
      };
    }
    // The amount is always stored, so the approver sees exactly what would be refunded.
    return { ok: true, candidate: { action, input: { ...input, amount } } };
  }
  if (action === "generateMagicLink" && String(input.email).toLowerCase() !== user.email?.toLowerCase()) {
    return { ok: false, why: "a login link goes only to the address on the account" };
  }
  return { ok: true, candidate };
}

function checkProposal(proposal: ModelActionProposal, offered: ReadonlySet<string>): Checked {
  if (!offered.has(proposal.action)) return { ok: false, why: "not an action that was offered" };
  const action = proposal.action as IntegrationMethodName;
  const parsed = actions[action].input.safeParse(proposal.input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ");
    return { ok: false, why: `malformed input (${issues})` };
  }
  return { ok: true, candidate: { action, input: parsed.data as Record<string, unknown> } };
}

/**
 * The model's proposals, each validated with the action's zod schema and checked against the
 * customer's data; one refund per purchase. What fails is dropped with a reason for the approver
 * and never stored as an action, so it can never be executed.
 */
export function acceptModelProposals(
  proposals: ModelActionProposal[],
  offered: ActionTool[],
  setting: ProposalSetting,
): { proposed: ProposedAction[]; dropped: string[] } {
  const names = new Set(offered.map((t) => t.name));
  const proposed: ProposedAction[] = [];
  const dropped: string[] = [];
  const refunded = new Set<unknown>();
  for (const proposal of proposals) {
    const checked = checkProposal(proposal, names);
    const result = checked.ok ? checkAgainstContext(checked.candidate, setting.context) : checked;
    if (result.ok && result.candidate.action === "refund" && refunded.has(result.candidate.input.purchaseId)) {
      dropped.push(`dropped the model's ${proposal.action}: a second refund of ${result.candidate.input.purchaseId}`);
      continue;
    }
    if (!result.ok) {
      dropped.push(`dropped the model's ${proposal.action.slice(0, 64)}: ${result.why}`);
      continue;
    }
    if (result.candidate.action === "refund") refunded.add(result.candidate.input.purchaseId);
    proposed.push(toProposedAction(result.candidate, setting, "model"));
  }
  return { proposed, dropped };
}
