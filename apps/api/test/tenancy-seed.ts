import { advanceLead, createProcedureTask, OPERATOR, type Role, storeCustomerFile } from "@support/core";
import { eventually, setDraftActions } from "@support/product/testing";
import { signPayload } from "@support/sdk/signing";
import { jsonCall, type TestProduct } from "./harness.js";
import type { OrgIds } from "./tenancy-operations.js";

/** The tenancy suite's set-up: one organization seeded with one of everything its routes take, and member sessions. */

export interface Org {
  orgId: string;
  appId: string;
  ownerKey: string;
  signingSecret: string;
}

const as =
  (p: TestProduct, key: string) =>
  (path: string, method = "GET", body?: unknown) =>
    jsonCall(p, path, { method, key, body });

/** One of everything the routes take, in one organization, through its own owner's API and webhooks. */
export async function seedOrganization(p: TestProduct, org: Org, word: string): Promise<OrgIds> {
  const owner = as(p, org.ownerKey);
  const created = async (path: string, body?: unknown, method = "POST") => {
    const res = await owner(path, method, body);
    if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
    return res.json();
  };
  const source = await created("/api/v1/knowledge/sources", {
    app: org.appId,
    title: `${word} password help`,
    body: `To reset your ${word} password, open Settings, choose Security and press Reset password. A link arrives by email within a minute.`,
  });
  const spareSource = await created("/api/v1/knowledge/sources", {
    app: org.appId,
    title: `${word} opening hours`,
    body: `The ${word} shop is open from nine to five.`,
  });
  await eventually(
    async () => (await (await owner(`/api/v1/knowledge/sources?app=${org.appId}`)).json()).data,
    (list: { status: string }[]) => list.length === 2 && list.every((s) => s.status === "ready"),
    "the knowledge sources indexed",
    30_000,
  );
  const contact = (n: number) => `${word.toLowerCase()}-${n}@example.com`;
  const send = async (n: number, text: string) => {
    const raw = JSON.stringify({
      type: "message.received",
      id: `${word}-${n}`,
      customer: { email: contact(n), name: `${word} customer ${n}` },
      message: { text },
    });
    const res = await p.api.request(`/webhooks/generic/${org.appId}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-support-signature": signPayload(raw, [org.signingSecret]) },
      body: raw,
    });
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
  };
  for (const n of [1, 2, 3]) await send(n, `Hi, how do I reset my ${word} password? I forgot it.`);
  await send(4, `I want to talk to a human about ${word}, please.`);
  const drafts = await eventually(
    async () => (await (await owner(`/api/v1/drafts?app=${org.appId}&limit=100`)).json()).data,
    (list: { status: string }[]) => list.filter((d) => d.status === "pending_approval").length >= 3,
    "three drafts waiting for approval",
    30_000,
  );
  const waiting = (drafts as { id: string; status: string; conversationId: string }[]).filter(
    (d) => d.status === "pending_approval",
  );
  const [first, second, third] = waiting;
  if (!first || !second || !third) throw new Error("drafts missing");
  await setDraftActions(p.runtime, org.orgId, first.id, [
    {
      id: "a1",
      action: "refund",
      input: { purchaseId: "pur_1", amount: 100 },
      risk: "approval_required",
      autoApprovable: false,
      reason: "the customer asked",
      via: "app",
    },
  ]);
  await created(`/api/v1/drafts/${third.id}/approve`, { text: `Your ${word} password link is on its way.` });
  const approved = await eventually(
    async () => (await (await owner(`/api/v1/drafts/${third.id}`)).json()) as { deliveryId: string | null },
    (d) => Boolean(d.deliveryId),
    "the approved reply delivered",
    30_000,
  );
  const notifications = await eventually(
    async () => (await (await owner("/api/v1/notifications")).json()).data as { id: string }[],
    (list) => list.length > 0,
    "the escalation notice",
    30_000,
  );
  const product = await created(`/api/v1/apps/${org.appId}/products`, {
    sku: `${word.toUpperCase()}-1`,
    title: `${word} basket`,
    priceMinor: 5000,
  });
  const spareProduct = await created(`/api/v1/apps/${org.appId}/products`, {
    sku: `${word.toUpperCase()}-2`,
    title: `${word} lamp`,
    priceMinor: 7000,
  });
  const quote = await created("/api/v1/quotes", {
    app: org.appId,
    conversation: first.conversationId,
    customer: { name: `${word} customer 1` },
    lines: [{ sku: product.sku, quantity: 1 }],
  });
  // The return template triggers on a default category; the 3d-intake template brings its own.
  const spareProcedure = await created(`/api/v1/apps/${org.appId}/procedures`, { template: "return-authorisation" });
  const procedure = await created(`/api/v1/apps/${org.appId}/procedures`, { template: "3d-intake" });
  await created(
    `/api/v1/apps/${org.appId}/categories`,
    {
      categories: [
        { name: `${word}_orders`, description: `${word} orders`, examples: ["where is my order"] },
        { name: `${word}_returns`, description: `${word} returns`, examples: ["I want to return it"] },
      ],
    },
    "PUT",
  );
  await created(
    `/api/v1/apps/${org.appId}/integration`,
    { url: "http://127.0.0.1:9/app", secret: `${word}-secret-000000` },
    "PUT",
  );
  const spareKey = await created("/api/v1/keys", { name: `${word} spare`, role: "agent" });
  const runs = (await (await owner("/api/v1/runs")).json()).data as { id: string }[];
  if (!runs[0] || !notifications[0] || !approved.deliveryId) throw new Error("run, notification or delivery missing");
  // A lead and a task of the product's own list, as the shop's conversation and a procedure make them.
  const conversation = (await (await owner(`/api/v1/conversations/${first.conversationId}`)).json()) as {
    contactId: string;
  };
  const { lead } = await advanceLead(p.runtime.database.db, org.orgId, {
    appId: org.appId,
    contactId: conversation.contactId,
    conversationId: first.conversationId,
    stage: "quoted",
    quote: { id: quote.id, totalMinor: 5000, currency: "MGA" },
  });
  const task = await createProcedureTask(p.runtime.contextFor(org.orgId, OPERATOR), {
    appId: org.appId,
    conversationId: first.conversationId,
    runId: runs[0].id,
    key: `${word}-task`,
    title: `Call the ${word} customer back`,
    description: `${word} customer 1 asked for a call.`,
  });
  // The chat widget on, so its public routes answer for a live widget (not "no such widget").
  await created(`/api/v1/apps/${org.appId}/widget/secret/rotate`);
  await created(
    `/api/v1/apps/${org.appId}/widget`,
    { enabled: true, allowedOrigins: [`https://${word.toLowerCase()}.example`] },
    "PATCH",
  );
  // After the task: with ClickUp connected, procedure tasks go there.
  await created(
    `/api/v1/apps/${org.appId}/tasks/clickup`,
    { token: `${word}-clickup-token`, listId: `${word}-list`, apiUrl: "http://127.0.0.1:9" },
    "PUT",
  );
  const file = await storeCustomerFile(p.runtime.platform, {
    orgId: org.orgId,
    appId: org.appId,
    uploader: "email",
    name: "seeded.pdf",
    bytes: new TextEncoder().encode("%PDF-1.4 seeded attachment"),
    conversationId: first.conversationId,
  });
  return {
    appId: org.appId,
    conversationId: first.conversationId,
    draftId: first.id,
    otherDraftId: second.id,
    deliveryId: approved.deliveryId,
    contactEmail: contact(1),
    sourceId: source.id,
    spareSourceId: spareSource.id,
    notificationId: notifications[0].id,
    productId: product.id,
    spareProductId: spareProduct.id,
    productSku: product.sku,
    quoteId: quote.id,
    procedureKey: procedure.key,
    spareProcedureKey: spareProcedure.key,
    spareKeyId: spareKey.id,
    runId: runs[0].id,
    leadId: lead.id,
    taskId: task.id,
    fileId: file.id,
  };
}

/** A dashboard session of a user who is a member of `orgId` with `role`. */
export async function sessionCookie(p: TestProduct, orgId: string, role: Role): Promise<string> {
  const origin = p.runtime.config.publicUrl;
  const post = (path: string, body: unknown, cookie = "") =>
    p.api.request(path, {
      method: "POST",
      headers: { "content-type": "application/json", origin, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
  const cookieOf = (res: Response) =>
    res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
  const email = `tenancy-${role}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const signUp = await post("/api/auth/sign-up/email", { email, password: "correct horse battery", name: role });
  const user = (await signUp.json()).user as { id: string };
  await (await p.runtime.auth()).api.addMember({ body: { userId: user.id, organizationId: orgId, role } });
  const cookie = cookieOf(await post("/api/auth/sign-in/email", { email, password: "correct horse battery" }));
  const active = await post("/api/auth/organization/set-active", { organizationId: orgId }, cookie);
  return cookieOf(active) || cookie;
}
