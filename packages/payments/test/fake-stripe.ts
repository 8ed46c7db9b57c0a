import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

/**
 * A fake Stripe API on 127.0.0.1 that speaks the real wire format (form-encoded requests,
 * `object: "list"` answers, Stripe-Account and Idempotency-Key headers, error objects), so the
 * official SDK can be pointed at it. One connected account with one customer.
 */
export interface FakeStripe {
  apiBase: string;
  accountId: string;
  /** The OAuth code that exchanges successfully. */
  goodCode: string;
  charges: Map<
    string,
    { id: string; customer: string; amount: number; amount_refunded: number; currency: string; created: number }
  >;
  refunds: { id: string; charge: string; amount: number; idempotencyKey?: string }[];
  /** Every refund creation that reached the fake, including ones answered from the idempotency cache. */
  refundRequests: number;
  close(): Promise<void>;
}

const list = (url: string, data: unknown[]) => ({ object: "list", url, has_more: false, data });
const error = (status: number, type: string, message: string) => ({ status, body: { error: { type, message } } });

export async function startFakeStripe(): Promise<FakeStripe> {
  const accountId = "acct_1Connected";
  const customer = { id: "cus_ada", object: "customer", email: "ada@example.com", name: "Ada Lovelace" };
  const fake: Omit<FakeStripe, "apiBase" | "close"> = {
    accountId,
    goodCode: "ac_good_code",
    charges: new Map([
      [
        "ch_course",
        {
          id: "ch_course",
          customer: "cus_ada",
          amount: 9900,
          amount_refunded: 0,
          currency: "eur",
          created: 1_794_300_000,
        },
      ],
    ]),
    refunds: [],
    refundRequests: 0,
  };
  const idempotent = new Map<string, unknown>();

  const chargeObject = (c: typeof fake.charges extends Map<string, infer V> ? V : never) => ({
    object: "charge",
    ...c,
    status: "succeeded",
    refunded: c.amount_refunded >= c.amount,
    disputed: false,
  });
  const refundObject = (r: FakeStripe["refunds"][number]) => ({
    id: r.id,
    object: "refund",
    charge: r.charge,
    amount: r.amount,
    currency: fake.charges.get(r.charge)?.currency ?? "eur",
    status: "succeeded",
  });

  function handle(req: IncomingMessage, body: URLSearchParams): { status: number; body: unknown } {
    const url = new URL(req.url ?? "/", "http://fake");
    const q = url.searchParams;
    const auth = req.headers.authorization ?? "";
    if (!auth.startsWith("Bearer sk_")) return error(401, "invalid_request_error", "Invalid API Key provided");
    if (req.method === "POST" && url.pathname === "/oauth/token") {
      if (body.get("code") !== fake.goodCode)
        return { status: 400, body: { error: "invalid_grant", error_description: "bad code" } };
      return {
        status: 200,
        body: {
          access_token: "sk_connected",
          livemode: false,
          scope: "read_write",
          stripe_user_id: accountId,
          token_type: "bearer",
        },
      };
    }
    if (req.headers["stripe-account"] !== accountId) return error(403, "invalid_request_error", "not connected");
    if (req.method === "GET" && url.pathname === "/v1/customers") {
      return { status: 200, body: list("/v1/customers", q.get("email") === customer.email ? [customer] : []) };
    }
    if (req.method === "GET" && url.pathname === "/v1/charges") {
      const data = [...fake.charges.values()].filter((c) => c.customer === q.get("customer")).map(chargeObject);
      return { status: 200, body: list("/v1/charges", data) };
    }
    if (req.method === "GET" && url.pathname === "/v1/refunds") {
      return {
        status: 200,
        body: list("/v1/refunds", fake.refunds.filter((r) => r.charge === q.get("charge")).map(refundObject)),
      };
    }
    if (req.method === "GET" && url.pathname === "/v1/subscriptions") {
      return { status: 200, body: list("/v1/subscriptions", []) };
    }
    if (req.method === "POST" && url.pathname === "/v1/refunds") {
      fake.refundRequests++;
      const key = req.headers["idempotency-key"] as string | undefined;
      if (key && idempotent.has(key)) return { status: 200, body: idempotent.get(key) };
      const charge = fake.charges.get(body.get("charge") ?? "");
      if (!charge) return error(404, "invalid_request_error", "No such charge");
      const remaining = charge.amount - charge.amount_refunded;
      const amount = body.has("amount") ? Number(body.get("amount")) : remaining;
      if (amount > remaining)
        return error(400, "invalid_request_error", "Refund amount is greater than unrefunded amount");
      const refund = { id: `re_${fake.refunds.length + 1}`, charge: charge.id, amount, idempotencyKey: key };
      fake.refunds.push(refund);
      charge.amount_refunded += amount;
      const answer = refundObject(refund);
      if (key) idempotent.set(key, answer);
      return { status: 200, body: answer };
    }
    return error(404, "invalid_request_error", `Unrecognized request URL (${req.method}: ${url.pathname})`);
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const answer = handle(req, new URLSearchParams(Buffer.concat(chunks).toString()));
      res.writeHead(answer.status, { "content-type": "application/json", "request-id": `req_${Date.now()}` });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    apiBase: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  });
}

/** A `Stripe-Signature` header for `payload`, made by the official SDK as Stripe would. */
export function signStripeEvent(payload: string, secret: string): string {
  return new Stripe("sk_test_signer").webhooks.generateTestHeaderString({ payload, secret });
}
