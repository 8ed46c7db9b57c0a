import { getStripeAccount } from "@support/db";
import { type ActionTool, type ModelActionProposal, matchPurchase } from "@support/decisions";
import type { Purchase } from "@support/sdk";
import type { GatheredCharge, GatheredContext } from "../context/gather-step.js";
import { type RiskClass, STRIPE_REFUND } from "../integrations/actions.js";
import { loadIntegration } from "../integrations/integrations.js";
import type { ActionPolicy } from "../integrations/policy.js";
import type { ServiceContext } from "../service/context.js";
import { acceptModelProposals, actionTools } from "./model-proposals.js";
import { type ProposedAction, proposeActions, refundablePurchases } from "./proposals.js";

/**
 * How an approved action is carried out: on the app's connected Stripe account, by the product
 * app's own SDK method, or - with neither (the embedded default) - only recorded as what would
 * have been done.
 */
export type ActionRoute = "stripe" | "app" | "recorded";

/** An action as stored with its draft: what to run, how, and whether the approver allowed it. */
export interface DraftAction {
  /** Stable within the draft (`a1`, `a2` ...): what an approval names to run a subset. */
  id: string;
  action: string;
  input: Record<string, unknown>;
  risk: RiskClass;
  autoApprovable: boolean;
  reason: string;
  via: ActionRoute;
  /** Set when the draft is approved: false for an action the approver left out. */
  approved?: boolean;
}

/** A charge is the purchase's when amount and currency agree and it was made within two days of it. */
const SAME_PURCHASE_WINDOW_MS = 2 * 86_400_000;

function chargeFor(purchase: Purchase, charges: GatheredCharge[]): GatheredCharge | undefined {
  const at = Date.parse(purchase.purchasedAt);
  return charges
    .filter(
      (c) =>
        c.amount === purchase.amount &&
        c.currency.toUpperCase() === purchase.currency.toUpperCase() &&
        c.refunded < c.amount &&
        Math.abs(Date.parse(c.created) - at) <= SAME_PURCHASE_WINDOW_MS,
    )
    .sort((a, b) => Math.abs(Date.parse(a.created) - at) - Math.abs(Date.parse(b.created) - at))[0];
}

/** What deciding on a draft's actions needs to know about the app, loaded once per draft. */
export interface ActionSetup {
  /** What the app reported from `describe`; null when never checked, which allows anything. */
  capabilities: string[] | null;
  policy: ActionPolicy;
  stripeConnected: boolean;
}

export async function loadActionSetup(ctx: ServiceContext, appId: string): Promise<ActionSetup> {
  const integration = await loadIntegration({ db: ctx.db, secrets: ctx.ports.secrets }, ctx.org.id, appId);
  const stripe = await getStripeAccount(ctx.db, ctx.org.id, appId);
  return {
    capabilities: integration?.capabilities ?? null,
    policy: integration?.policy ?? {},
    stripeConnected: stripe?.status === "connected",
  };
}

/** A refund can always be proposed: Stripe or the app carries it out, or it is recorded. */
function proposable(setup: ActionSetup): string[] | null {
  return setup.capabilities && [...setup.capabilities, "refund"];
}

/** The actions to offer the drafting model as tools for this customer. */
export function offeredActionTools(setup: ActionSetup, context: GatheredContext): ActionTool[] {
  return actionTools(proposable(setup), context);
}

export interface PlannedActions {
  actions: DraftAction[];
  /** Model proposals that failed validation, as reasons for the approver. */
  dropped: string[];
  /** The purchases the customer may mean, when a refund was asked for and the message does not say which. */
  ask?: Purchase[];
}

/**
 * The actions to propose with a draft, each routed: the model's `proposals` when it was offered
 * tools and answered (validated by `acceptModelProposals`), else `proposeActions` from the triage
 * intent. A refund goes to the connected Stripe account when a charge there is the purchase's,
 * else to the app's `refund` when it implements one, else it is only recorded; so a refund is
 * proposed whenever the customer has something to refund.
 */
export function planDraftActions(
  setup: ActionSetup,
  input: { intent: string; context: GatheredContext; proposals?: ModelActionProposal[]; now?: Date; message?: string },
): PlannedActions {
  if (!input.context.user) return { actions: [], dropped: [] };
  const setting = { context: input.context, policy: setup.policy, now: input.now };
  const message = input.message ?? "";
  const accepted = input.proposals
    ? acceptModelProposals(input.proposals, offeredActionTools(setup, input.context), setting)
    : {
        proposed: proposeActions({ ...setting, intent: input.intent, capabilities: proposable(setup), message }),
        dropped: [],
      };
  const { proposed, dropped, ask } = onTheRightPurchase(accepted, message, input.context.purchases, input.intent);
  const appOffers = (action: string) => setup.capabilities === null || setup.capabilities.includes(action);
  const actions = proposed.map((proposal, index) => ({
    id: `a${index + 1}`,
    ...routed(proposal, input.context, setup.stripeConnected, appOffers),
  }));
  return { actions, dropped, ...(ask ? { ask } : {}) };
}

const REFUND_INTENTS = new Set(["refund_request", "double_charge"]);

/**
 * Keeps the proposals on a purchase the message points to: one on another purchase than the one
 * the message names, or on one of several it cannot tell apart, is dropped for the approver to
 * see, and the reply asks which purchase is meant (`ask`), as it does when a refund was asked for
 * and nothing could be proposed for that reason.
 */
function onTheRightPurchase(
  accepted: { proposed: ProposedAction[]; dropped: string[] },
  message: string,
  purchases: Purchase[],
  intent: string,
): { proposed: ProposedAction[]; dropped: string[]; ask?: Purchase[] } {
  const refundMatch = matchPurchase(message, refundablePurchases(purchases));
  const dropped = [...accepted.dropped];
  const proposed = accepted.proposed.filter((p) => {
    const id = p.input.purchaseId;
    if (id === undefined) return true;
    // A refund is of something left to refund; a transfer or a revocation of any purchase.
    const match = p.action === "refund" ? refundMatch : matchPurchase(message, purchases);
    if (match.kind === "none") return true;
    if (match.kind === "match" && (match.purchase.id === id || match.by.includes("only purchase"))) return true;
    dropped.push(
      match.kind === "match"
        ? `dropped ${p.action} of ${id}: the message is about ${match.purchase.productName} (${match.purchase.id})`
        : `dropped ${p.action} of ${id}: the message does not say which purchase it is about`,
    );
    return false;
  });
  const unsure = REFUND_INTENTS.has(intent) || proposed.length < accepted.proposed.length;
  return refundMatch.kind === "ambiguous" && unsure && !proposed.some((p) => p.action === "refund")
    ? { proposed, dropped, ask: refundMatch.candidates }
    : { proposed, dropped };
}

function routed(
  proposal: ProposedAction,
  context: GatheredContext,
  stripeConnected: boolean,
  appOffers: (action: string) => boolean,
): Omit<DraftAction, "id"> {
  const base = { ...proposal, action: proposal.action as string };
  if (proposal.action !== "refund") return { ...base, via: "app" };
  const purchase = context.purchases.find((p) => p.id === proposal.input.purchaseId);
  const charge = stripeConnected && purchase ? chargeFor(purchase, context.charges) : undefined;
  if (charge) {
    const amount = proposal.input.amount as number;
    return {
      ...base,
      action: STRIPE_REFUND,
      input: { chargeId: charge.id, amount },
      via: "stripe",
      reason: `${proposal.reason} Refunded on Stripe charge ${charge.id}.`,
    };
  }
  if (appOffers("refund")) return { ...base, via: "app" };
  return { ...base, via: "recorded", reason: `${proposal.reason} Recorded only: no Stripe account or app refund.` };
}

/** Whether the draft must wait for a person because of its actions. */
export function actionsNeedApproval(actions: DraftAction[]): boolean {
  return actions.some((a) => a.risk === "approval_required" && !a.autoApprovable);
}
