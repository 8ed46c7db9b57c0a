import { callProductApp, ProductAppError, type Purchase, type Subscription, type User } from "@support/sdk";
import { type IntegrationDeps, type LoadedIntegration, loadIntegration } from "../integrations/integrations.js";

export interface GatherDeps extends IntegrationDeps {
  /** Per call, so one slow method cannot use up the others' time. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

type GatherCall = "lookupUser" | "getPurchases" | "getSubscriptions";

export interface GatherFailure {
  /** The product-app method, or `stripe.payments` for the read on the app's connected account. */
  action: GatherCall | "stripe.payments";
  error: string;
}

export interface CustomerContext {
  user: User | null;
  purchases: Purchase[];
  subscriptions: Subscription[];
  /** For the approver only: these never reach the model or the customer. */
  failures: GatherFailure[];
  /** Short factual lines for the drafter's `customerContext` and the gates' `customerData`. */
  lines: string[];
}

const DEFAULT_TIMEOUT_MS = 3_000;
const EMPTY: CustomerContext = { user: null, purchases: [], subscriptions: [], failures: [], lines: [] };

/**
 * The gather step: asks the app who the customer is and what they bought. Nothing here throws
 * for the app's sake: a timeout, an error or an answer outside the contract becomes a failure
 * the approver sees, and the draft proceeds with whatever did arrive.
 */
export async function gatherCustomerContext(
  deps: GatherDeps,
  input: { orgId: string; appId: string; contact: { email?: string; phone?: string } },
): Promise<CustomerContext> {
  const { email, phone } = input.contact;
  if (!email && !phone) return EMPTY;
  const integration = await loadIntegration(deps, input.orgId, input.appId);
  if (!integration) return EMPTY;
  const failures: GatherFailure[] = [];
  const call = callerFor(deps, integration, failures);

  const user = (await call("lookupUser", { email, phone })) ?? null;
  if (!user) return { ...EMPTY, failures, lines: failures.length ? [] : ["The customer has no account in the app."] };
  const [purchases, subscriptions] = await Promise.all([
    call("getPurchases", { userId: user.id }),
    appOffers(integration, "getSubscriptions") ? call("getSubscriptions", { userId: user.id }) : undefined,
  ]);
  const context = { user, purchases: purchases ?? [], subscriptions: subscriptions ?? [], failures };
  return { ...context, lines: contextLines(context) };
}

function appOffers(integration: LoadedIntegration, action: string): boolean {
  return integration.capabilities === null || integration.capabilities.includes(action);
}

function callerFor(deps: GatherDeps, integration: LoadedIntegration, failures: GatherFailure[]) {
  return async <A extends GatherCall>(action: A, input: Parameters<typeof callProductApp<A>>[0]["input"]) => {
    try {
      return await callProductApp({
        url: integration.url,
        secret: integration.secrets,
        action,
        input,
        timeoutMs: deps.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        fetch: deps.fetch,
      });
    } catch (error) {
      // 501 means the app does not implement the method: an absence, not a failure.
      if (error instanceof ProductAppError && error.details.status === 501) return undefined;
      failures.push({ action, error: error instanceof Error ? error.message : String(error) });
      return undefined;
    }
  };
}

const ZERO_DECIMAL = new Set(["JPY", "KRW", "VND", "CLP", "ISK", "UGX", "XOF", "XAF"]);

export function formatMoney(amount: number, currency: string): string {
  const code = currency.toUpperCase();
  return ZERO_DECIMAL.has(code) ? `${amount} ${code}` : `${(amount / 100).toFixed(2)} ${code}`;
}

function contextLines(context: Omit<CustomerContext, "lines">): string[] {
  const { user, purchases, subscriptions } = context;
  if (!user) return [];
  const who = [user.name, user.email].filter(Boolean).join(", ");
  const lines = [`Customer account ${user.id}${who ? ` (${who})` : ""}.`];
  for (const p of purchases) {
    const refunded = p.refundedAmount ? `, ${formatMoney(p.refundedAmount, p.currency)} refunded` : "";
    lines.push(
      `Purchase ${p.id}: ${p.productName}, ${formatMoney(p.amount, p.currency)} on ${p.purchasedAt.slice(0, 10)}, ${p.status}${refunded}.`,
    );
  }
  if (purchases.length === 0 && !context.failures.some((f) => f.action === "getPurchases")) {
    lines.push("The customer has no purchases.");
  }
  for (const s of subscriptions) {
    const end = s.currentPeriodEnd ? `, period ends ${s.currentPeriodEnd.slice(0, 10)}` : "";
    lines.push(
      `Subscription ${s.id}: ${s.plan}, ${s.status}${end}${s.cancelAtPeriodEnd ? ", cancels at period end" : ""}.`,
    );
  }
  return lines;
}
