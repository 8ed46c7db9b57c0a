import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

/**
 * A fake of Stripe Billing on 127.0.0.1 speaking the real wire format (form-encoded bodies with
 * bracketed keys, `object: "list"`, error objects, Idempotency-Key), for the official SDK. It
 * also plays the customer: `completeCheckout`, `changeSubscription` and `cancelSubscription`
 * return the webhook events Stripe would send, signed, so a test delivers them in any order.
 */
export interface FakeBilling {
  apiBase: string;
  webhookSecret: string;
  products: Map<string, { id: string; name: string; active: boolean }>;
  prices: {
    id: string;
    product: string;
    currency: string;
    unit_amount: number;
    lookup_key: string | null;
    usage: string;
  }[];
  meters: { id: string; event_name: string }[];
  customers: Map<string, { id: string; name: string; orgId: string }>;
  sessions: Map<string, { id: string; customer: string; orgId: string; prices: string[] }>;
  subscriptions: Map<string, Subscription>;
  meterEvents: Map<string, { customer: string; value: number }>;
  /** Every request the fake answered, as `METHOD path`. */
  requests: string[];
  completeCheckout(sessionId: string): SignedEvent[];
  changeSubscription(subscriptionId: string, change: { status?: string; lookupKey?: string }): SignedEvent;
  cancelSubscription(subscriptionId: string): SignedEvent;
  close(): Promise<void>;
}

export interface SignedEvent {
  id: string;
  type: string;
  payload: string;
  signature: string;
}

interface Subscription {
  id: string;
  customer: string;
  status: string;
  price: string;
  overagePrice?: string;
  orgId: string;
  periodStart: number;
  periodEnd: number;
}

type Answer = { status: number; body: unknown };
const list = (url: string, data: unknown[]): Answer => ({
  status: 200,
  body: { object: "list", url, has_more: false, data },
});
const error = (status: number, message: string): Answer => ({
  status,
  body: { error: { type: "invalid_request_error", message } },
});

export async function startFakeBilling(): Promise<FakeBilling> {
  const webhookSecret = "whsec_fake_billing";
  let seq = 0;
  const next = (prefix: string) => `${prefix}_${++seq}`;
  // Events are stamped one second apart, in the order the fake makes them, as Stripe's `created`.
  let clock = 1_796_000_000;
  const idempotent = new Map<string, Answer>();

  const fake = {
    webhookSecret,
    products: new Map(),
    prices: [],
    meters: [],
    customers: new Map(),
    sessions: new Map(),
    subscriptions: new Map(),
    meterEvents: new Map(),
    requests: [],
  } as unknown as FakeBilling;

  const priceObject = (p: FakeBilling["prices"][number]) => ({
    id: p.id,
    object: "price",
    active: true,
    product: p.product,
    currency: p.currency,
    unit_amount: p.unit_amount,
    lookup_key: p.lookup_key,
    recurring: { interval: "month", usage_type: p.usage },
  });
  const priceById = (id: string) => fake.prices.find((p) => p.id === id);
  const subscriptionObject = (s: Subscription) => {
    const item = (price: string) => ({
      id: `si_${price}`,
      object: "subscription_item",
      price: priceObject(priceById(price) as FakeBilling["prices"][number]),
      current_period_start: s.periodStart,
      current_period_end: s.periodEnd,
    });
    const items = [item(s.price), ...(s.overagePrice ? [item(s.overagePrice)] : [])];
    return {
      id: s.id,
      object: "subscription",
      customer: s.customer,
      status: s.status,
      currency: priceById(s.price)?.currency ?? "eur",
      metadata: { orgId: s.orgId },
      items: { object: "list", data: items, has_more: false, url: "/v1/subscription_items" },
    };
  };
  const signed = (type: string, object: unknown): SignedEvent => {
    const id = next("evt");
    const payload = JSON.stringify({ id, object: "event", type, created: ++clock, data: { object } });
    return {
      id,
      type,
      payload,
      signature: new Stripe("sk_test_signer").webhooks.generateTestHeaderString({ payload, secret: webhookSecret }),
    };
  };

  function handle(req: IncomingMessage, body: URLSearchParams): Answer {
    const url = new URL(req.url ?? "/", "http://fake");
    const q = url.searchParams;
    const path = url.pathname;
    fake.requests.push(`${req.method} ${path}`);
    if (!(req.headers.authorization ?? "").startsWith("Bearer sk_")) return error(401, "Invalid API Key provided");
    const key = req.headers["idempotency-key"] as string | undefined;
    if (req.method === "POST" && key && idempotent.has(key)) return idempotent.get(key) as Answer;
    const remember = (answer: Answer) => {
      if (key && req.method === "POST") idempotent.set(key, answer);
      return answer;
    };

    const product = path.match(/^\/v1\/products\/([^/]+)$/);
    if (product) {
      const found = fake.products.get(decodeURIComponent(product[1] as string));
      if (!found) return error(404, "No such product");
      if (req.method === "POST") {
        found.name = body.get("name") ?? found.name;
        found.active = body.get("active") !== "false";
      }
      return { status: 200, body: { object: "product", ...found } };
    }
    if (req.method === "POST" && path === "/v1/products") {
      const id = body.get("id") ?? next("prod");
      if (fake.products.has(id)) return error(400, "Product already exists");
      const created = { id, name: body.get("name") ?? "", active: true };
      fake.products.set(id, created);
      return remember({ status: 200, body: { object: "product", ...created } });
    }
    if (req.method === "GET" && path === "/v1/prices") {
      const keys = [...q.entries()].filter(([k]) => k.startsWith("lookup_keys")).map(([, v]) => v);
      return list(path, fake.prices.filter((p) => p.lookup_key && keys.includes(p.lookup_key)).map(priceObject));
    }
    if (req.method === "POST" && path === "/v1/prices") {
      const lookupKey = body.get("lookup_key");
      const holder = fake.prices.find((p) => p.lookup_key === lookupKey);
      if (holder && body.get("transfer_lookup_key") !== "true") return error(400, "lookup_key already in use");
      if (holder) holder.lookup_key = null;
      const price = {
        id: next("price"),
        product: body.get("product") ?? "",
        currency: body.get("currency") ?? "",
        unit_amount: Number(body.get("unit_amount")),
        lookup_key: lookupKey,
        usage: body.get("recurring[usage_type]") ?? "licensed",
      };
      if (price.usage === "metered" && !fake.meters.some((m) => m.id === body.get("recurring[meter]")))
        return error(400, "a metered price needs a meter");
      fake.prices.push(price);
      return remember({ status: 200, body: priceObject(price) });
    }
    if (path === "/v1/billing/meters") {
      if (req.method === "GET")
        return list(
          path,
          fake.meters.map((m) => ({ object: "billing.meter", status: "active", ...m })),
        );
      const meter = { id: next("mtr"), event_name: body.get("event_name") ?? "" };
      fake.meters.push(meter);
      return remember({ status: 200, body: { object: "billing.meter", status: "active", ...meter } });
    }
    if (req.method === "POST" && path === "/v1/customers") {
      const customer = { id: next("cus"), name: body.get("name") ?? "", orgId: body.get("metadata[orgId]") ?? "" };
      fake.customers.set(customer.id, customer);
      return remember({ status: 200, body: { object: "customer", ...customer, metadata: { orgId: customer.orgId } } });
    }
    if (req.method === "POST" && path === "/v1/checkout/sessions") {
      const customer = body.get("customer") ?? "";
      if (!fake.customers.has(customer)) return error(400, "No such customer");
      const prices = [...body.entries()].filter(([k]) => /^line_items\[\d+\]\[price\]$/.test(k)).map(([, v]) => v);
      if (prices.length === 0 || prices.some((p) => !priceById(p))) return error(400, "No such price");
      const session = { id: next("cs"), customer, orgId: body.get("client_reference_id") ?? "", prices };
      fake.sessions.set(session.id, session);
      const answer = { object: "checkout.session", id: session.id, url: `https://checkout.stripe.test/${session.id}` };
      return remember({ status: 200, body: answer });
    }
    if (req.method === "POST" && path === "/v1/billing_portal/sessions") {
      const customer = body.get("customer") ?? "";
      if (!fake.customers.has(customer)) return error(400, "No such customer");
      return {
        status: 200,
        body: { object: "billing_portal.session", id: next("bps"), url: `https://billing.stripe.test/${customer}` },
      };
    }
    if (req.method === "POST" && path === "/v1/billing/meter_events") {
      const identifier = body.get("identifier") ?? next("mev");
      const customer = body.get("payload[stripe_customer_id]") ?? "";
      if (!fake.meterEvents.has(identifier))
        fake.meterEvents.set(identifier, { customer, value: Number(body.get("payload[value]")) });
      return { status: 200, body: { object: "billing.meter_event", identifier, event_name: body.get("event_name") } };
    }
    return error(404, `Unrecognized request URL (${req.method}: ${path})`);
  }

  fake.completeCheckout = (sessionId) => {
    const session = fake.sessions.get(sessionId);
    if (!session) throw new Error(`no session ${sessionId}`);
    const [price, overagePrice] = session.prices as [string, string | undefined];
    const sub: Subscription = {
      id: next("sub"),
      customer: session.customer,
      status: "active",
      price,
      overagePrice,
      orgId: session.orgId,
      periodStart: clock,
      periodEnd: clock + 30 * 86_400,
    };
    fake.subscriptions.set(sub.id, sub);
    const completed = signed("checkout.session.completed", {
      id: session.id,
      object: "checkout.session",
      customer: session.customer,
      client_reference_id: session.orgId,
      subscription: sub.id,
    });
    return [completed, signed("customer.subscription.created", subscriptionObject(sub))];
  };
  fake.changeSubscription = (subscriptionId, change) => {
    const sub = fake.subscriptions.get(subscriptionId);
    if (!sub) throw new Error(`no subscription ${subscriptionId}`);
    if (change.status) sub.status = change.status;
    if (change.lookupKey) sub.price = fake.prices.find((p) => p.lookup_key === change.lookupKey)?.id ?? sub.price;
    return signed("customer.subscription.updated", subscriptionObject(sub));
  };
  fake.cancelSubscription = (subscriptionId) => {
    const sub = fake.subscriptions.get(subscriptionId);
    if (!sub) throw new Error(`no subscription ${subscriptionId}`);
    sub.status = "canceled";
    return signed("customer.subscription.deleted", subscriptionObject(sub));
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const answer = handle(req, new URLSearchParams(Buffer.concat(chunks).toString()));
      res.writeHead(answer.status, { "content-type": "application/json", "request-id": next("req") });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  fake.apiBase = `http://127.0.0.1:${port}`;
  fake.close = () => new Promise<void>((done) => server.close(() => done()));
  return fake;
}
