import { matchPurchase } from "@support/decisions";
import type { IntegrationMethodName, Purchase, User } from "@support/sdk";
import { formatMoney } from "../context/gather.js";
import { ACTION_RISK, type RiskClass } from "../integrations/actions.js";
import { type ActionPolicy, refundWithinAutoApproval } from "../integrations/policy.js";

/** An action someone asked for (the offline rules or the model), with its input already checked. */
export interface ActionCandidate {
  action: IntegrationMethodName;
  input: Record<string, unknown>;
}

export interface ProposedAction extends ActionCandidate {
  risk: RiskClass;
  /** True when it may run without a human: low-impact, or within the app's policy limits. */
  autoApprovable: boolean;
  /** Why it was proposed, for the approver. */
  reason: string;
}

/** The customer's data that proposals are checked against and described from. */
export interface ProposalContext {
  user: User | null;
  purchases: Purchase[];
}

export interface ProposalSetting {
  context: ProposalContext;
  policy: ActionPolicy;
  now?: Date;
}

/** What is left to refund on a purchase; zero for one that is refunded, disputed or pending. */
export function refundableAmount(purchase: Purchase): number {
  if (purchase.status !== "paid" && purchase.status !== "partially_refunded") return 0;
  return Math.max(0, purchase.amount - (purchase.refundedAmount ?? 0));
}

/** The purchases a refund could be about. */
export function refundablePurchases(purchases: readonly Purchase[]): Purchase[] {
  return purchases.filter((p) => refundableAmount(p) > 0);
}

/**
 * The one place a candidate becomes a proposal, whoever proposed it: the risk class comes from
 * `ACTION_RISK` and auto-approval from the app's policy, never from the proposer, and the
 * approver's description is written from the input and the customer's data.
 */
export function toProposedAction(
  candidate: ActionCandidate,
  setting: ProposalSetting,
  proposedBy: "rules" | "model",
): ProposedAction {
  const { action, input } = candidate;
  const purchase = setting.context.purchases.find((p) => p.id === input.purchaseId);
  const risk = ACTION_RISK[action];
  const autoApprovable =
    risk === "low_impact_write" ||
    (action === "refund" &&
      purchase !== undefined &&
      refundWithinAutoApproval(
        setting.policy,
        { amount: input.amount as number, purchasedAt: purchase.purchasedAt },
        setting.now,
      ));
  const by = proposedBy === "model" ? " Proposed by the model." : "";
  return { action, input, risk, autoApprovable, reason: `${describe(candidate, purchase)}${by}` };
}

function describe({ action, input }: ActionCandidate, purchase: Purchase | undefined): string {
  const item = purchase ? `${purchase.productName} bought ${purchase.purchasedAt.slice(0, 10)}` : `${input.purchaseId}`;
  switch (action) {
    case "refund":
      return purchase
        ? `Refund ${formatMoney(input.amount as number, purchase.currency)} for ${item}.`
        : `Refund ${item}.`;
    case "generateMagicLink":
      return `Send a one-time login link to ${input.email}, the address on the account.`;
    case "revokeAccess":
      return input.purchaseId ? `Revoke the customer's access to ${item}.` : "Revoke the customer's access.";
    case "transferPurchase":
      return `Transfer ${item} to ${input.toEmail}.`;
    case "updateEmail":
      return `Change the account's email address to ${input.newEmail}.`;
    default:
      return `Run ${action}.`;
  }
}

export interface ProposalInput extends ProposalSetting {
  intent: string;
  /** What the app implements (from `describe`); null when never checked, which proposes anything. */
  capabilities?: string[] | null;
  /** The customer's message: a refund is of the purchase it names (product, amount or date). */
  message?: string;
}

const REFUND_INTENTS = new Set(["refund_request", "double_charge"]);
const LOGIN_INTENTS = new Set(["login_problem", "password_reset"]);

/**
 * The offline drafter's rule for actions: for refund intents, a refund of the purchase the
 * message is about among those with something left to refund (`matchPurchase`: none when it
 * cannot tell, and the reply asks); a magic link for "can't log in". Nothing is proposed for a
 * customer the app does not know.
 */
export function proposeActions(input: ProposalInput): ProposedAction[] {
  const { user, purchases } = input.context;
  const offered = (action: IntegrationMethodName) => !input.capabilities || input.capabilities.includes(action);
  if (!user) return [];
  if (REFUND_INTENTS.has(input.intent) && offered("refund")) {
    const match = matchPurchase(input.message ?? "", refundablePurchases(purchases));
    if (match.kind !== "match") return [];
    const refundable = match.purchase;
    const candidate: ActionCandidate = {
      action: "refund",
      input: {
        purchaseId: refundable.id,
        amount: refundableAmount(refundable),
        reason: `customer request (${input.intent})`,
      },
    };
    return [toProposedAction(candidate, input, "rules")];
  }
  if (LOGIN_INTENTS.has(input.intent) && user.email && offered("generateMagicLink")) {
    return [toProposedAction({ action: "generateMagicLink", input: { email: user.email } }, input, "rules")];
  }
  return [];
}
