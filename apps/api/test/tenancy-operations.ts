import type { Role } from "@support/core";

/**
 * Every operation of `/openapi.json`, with the lowest role that may call it and a request built
 * from one organization's ids. The tenancy suite fails when `/openapi.json` has an operation this
 * table lacks: a new route adds its line here (issue 14, "every route × another org's ids").
 */

/** The ids of one organization's seeded data (see `seedOrganization` in the suite). */
export interface OrgIds {
  appId: string;
  conversationId: string;
  /** A draft waiting for approval that proposes an action. */
  draftId: string;
  /** A second waiting draft, for the decisions that end it. */
  otherDraftId: string;
  /** The delivery of an approved reply. */
  deliveryId: string;
  contactEmail: string;
  sourceId: string;
  /** A source that a delete may remove. */
  spareSourceId: string;
  notificationId: string;
  productId: string;
  spareProductId: string;
  productSku: string;
  quoteId: string;
  procedureKey: string;
  spareProcedureKey: string;
  /** An API key that a revocation may retire (never the one the suite calls with). */
  spareKeyId: string;
  runId: string;
  /** A lead of the shop's contact (a quote's customer). */
  leadId: string;
  /** A task of the product's own list. */
  taskId: string;
  /** A file stored on the conversation (`conversationId`). */
  fileId: string;
}

export interface OperationRequest {
  path: string;
  body?: unknown;
  form?: () => FormData;
}

export interface Operation {
  /** `METHOD /path/{param}` exactly as `/openapi.json` names it. */
  op: string;
  /**
   * The lowest role that may call it; `public` needs no API key or session (its own credentials,
   * if any: a widget session token, the Front plugin's secret headers).
   */
  minRole: Role | "public";
  request: (ids: OrgIds) => OperationRequest;
  /**
   * Whether the request names the organization's data (a path, query or body id). Those must
   * be refused when the ids are another organization's; the rest act on the caller's own data.
   */
  namesData: boolean;
  /** Runs after every other operation (it removes data the others use). */
  last?: boolean;
  /**
   * A list whose id is only a filter: with another organization's id it may answer 2xx, with an
   * empty list (nothing of that organization matches the caller's own data).
   */
  listFilter?: boolean;
}

const CATALOGUE = "sku,title,price,stock\nTEN-CSV-1,Tenancy import,1000,5\n";

const op = (
  spec: string,
  minRole: Operation["minRole"],
  request: Operation["request"],
  namesData = true,
  last = false,
): Operation => ({ op: spec, minRole, request, namesData, last });

export const OPERATIONS: Operation[] = [
  op("GET /health", "public", () => ({ path: "/health" }), false),
  op("GET /ready", "public", () => ({ path: "/ready" }), false),
  op("POST /api/v1/apps", "admin", () => ({ path: "/api/v1/apps", body: { name: "Tenancy probe" } }), false),
  op("GET /api/v1/apps", "agent", () => ({ path: "/api/v1/apps?limit=100" }), false),
  op("GET /api/v1/apps/{app}", "agent", (o) => ({ path: `/api/v1/apps/${o.appId}` })),
  op("PATCH /api/v1/apps/{app}", "admin", (o) => ({
    path: `/api/v1/apps/${o.appId}`,
    body: { settings: { tone: "probed" } },
  })),
  op("GET /api/v1/apps/{app}/channels", "agent", (o) => ({ path: `/api/v1/apps/${o.appId}/channels` })),
  op("PUT /api/v1/apps/{app}/channels/{channel}", "admin", (o) => ({
    path: `/api/v1/apps/${o.appId}/channels/front`,
    body: { secrets: { appSecret: "probe-secret" } },
  })),
  op("POST /api/v1/apps/{app}/channels/{channel}/test", "admin", (o) => ({
    path: `/api/v1/apps/${o.appId}/channels/web/test`,
  })),
  op("GET /api/v1/conversations", "agent", (o) => ({ path: `/api/v1/conversations?app=${o.appId}` })),
  op("GET /api/v1/conversations/{id}", "agent", (o) => ({ path: `/api/v1/conversations/${o.conversationId}` })),
  op("POST /api/v1/conversations/{id}/replay", "agent", (o) => ({
    path: `/api/v1/conversations/${o.conversationId}/replay`,
  })),
  op("POST /api/v1/conversations/{id}/replies", "agent", (o) => ({
    path: `/api/v1/conversations/${o.conversationId}/replies`,
    body: { text: "A person writes." },
  })),
  op("POST /api/v1/conversations/{id}/takeover", "agent", (o) => ({
    path: `/api/v1/conversations/${o.conversationId}/takeover`,
  })),
  op("POST /api/v1/conversations/{id}/release", "agent", (o) => ({
    path: `/api/v1/conversations/${o.conversationId}/release`,
  })),
  op("GET /api/v1/apps/{app}/trust", "agent", (o) => ({ path: `/api/v1/apps/${o.appId}/trust` })),
  op("GET /api/v1/apps/{app}/trust/history", "agent", (o) => ({ path: `/api/v1/apps/${o.appId}/trust/history` })),
  op("GET /api/v1/apps/{app}/shadow", "agent", (o) => ({ path: `/api/v1/apps/${o.appId}/shadow` })),
  op("GET /api/v1/apps/{app}/integration", "agent", (o) => ({ path: `/api/v1/apps/${o.appId}/integration` })),
  op("PUT /api/v1/apps/{app}/integration", "admin", (o) => ({
    path: `/api/v1/apps/${o.appId}/integration`,
    body: { url: "http://127.0.0.1:9/probe" },
  })),
  op("POST /api/v1/apps/{app}/integration/rotate", "admin", (o) => ({
    path: `/api/v1/apps/${o.appId}/integration/rotate`,
    body: {},
  })),
  op("DELETE /api/v1/apps/{app}/integration/old-secret", "admin", (o) => ({
    path: `/api/v1/apps/${o.appId}/integration/old-secret`,
  })),
  op("GET /api/v1/apps/{app}/integration/health", "agent", (o) => ({
    path: `/api/v1/apps/${o.appId}/integration/health`,
  })),
  op("POST /api/v1/apps/{app}/integration/actions", "admin", (o) => ({
    path: `/api/v1/apps/${o.appId}/integration/actions`,
    body: { draftId: o.draftId, action: "refund", input: { purchaseId: "pur_1", amount: 100 } },
  })),
  op("GET /api/v1/apps/{app}/stripe/connect", "admin", (o) => ({ path: `/api/v1/apps/${o.appId}/stripe/connect` })),
  op("GET /api/v1/apps/{app}/stripe/payments", "agent", (o) => ({
    path: `/api/v1/apps/${o.appId}/stripe/payments?email=${encodeURIComponent(o.contactEmail)}`,
  })),
  op("POST /api/v1/apps/{app}/stripe/refunds", "admin", (o) => ({
    path: `/api/v1/apps/${o.appId}/stripe/refunds`,
    body: { draftId: o.draftId, chargeId: "ch_probe", amount: 100 },
  })),
  op("GET /api/v1/apps/{app}/signing-keys", "agent", (o) => ({ path: `/api/v1/apps/${o.appId}/signing-keys` })),
  op("POST /api/v1/apps/{app}/signing-keys/rotate", "admin", (o) => ({
    path: `/api/v1/apps/${o.appId}/signing-keys/rotate`,
  })),
  op("DELETE /api/v1/apps/{app}/signing-keys/old", "admin", (o) => ({
    path: `/api/v1/apps/${o.appId}/signing-keys/old`,
  })),
  op("GET /api/v1/apps/{app}/categories", "agent", (o) => ({ path: `/api/v1/apps/${o.appId}/categories` })),
  op("PUT /api/v1/apps/{app}/categories", "admin", (o) => ({
    path: `/api/v1/apps/${o.appId}/categories`,
    body: {
      categories: [
        { name: "probe_a", description: "Probe category A", examples: ["probe a"] },
        { name: "probe_b", description: "Probe category B", examples: ["probe b"] },
      ],
    },
  })),
  op("DELETE /api/v1/apps/{app}/categories", "admin", (o) => ({ path: `/api/v1/apps/${o.appId}/categories` })),
  op("GET /api/v1/apps/{app}/procedures", "agent", (o) => ({ path: `/api/v1/apps/${o.appId}/procedures` })),
  op("POST /api/v1/apps/{app}/procedures", "admin", (o) => ({
    path: `/api/v1/apps/${o.appId}/procedures`,
    body: { template: "3d-intake" },
  })),
  op("GET /api/v1/apps/{app}/procedures/{key}", "agent", (o) => ({
    path: `/api/v1/apps/${o.appId}/procedures/${o.procedureKey}`,
  })),
  op(
    "DELETE /api/v1/apps/{app}/procedures/{key}",
    "admin",
    (o) => ({ path: `/api/v1/apps/${o.appId}/procedures/${o.spareProcedureKey}` }),
    true,
    true,
  ),
  op("POST /api/v1/apps/{app}/procedures/{key}/test", "agent", (o) => ({
    path: `/api/v1/apps/${o.appId}/procedures/${o.procedureKey}/test`,
    body: { transcript: { customer: { email: "probe@example.com" }, messages: [{ text: "I printed a part" }] } },
  })),
  op("GET /api/v1/drafts", "agent", (o) => ({ path: `/api/v1/drafts?app=${o.appId}` })),
  op("GET /api/v1/drafts/{id}", "agent", (o) => ({ path: `/api/v1/drafts/${o.draftId}` })),
  op("POST /api/v1/drafts/{id}/approve", "agent", (o) => ({
    path: `/api/v1/drafts/${o.otherDraftId}/approve`,
    body: { text: "Approved by the probe." },
  })),
  op("POST /api/v1/drafts/{id}/reject", "agent", (o) => ({
    path: `/api/v1/drafts/${o.draftId}/reject`,
    body: { reason: "probe" },
  })),
  op("POST /api/v1/drafts/{id}/escalate", "agent", (o) => ({ path: `/api/v1/drafts/${o.draftId}/escalate` })),
  op("GET /api/v1/outbox", "agent", (o) => ({ path: `/api/v1/outbox?app=${o.appId}` })),
  op("GET /api/v1/runs", "agent", () => ({ path: "/api/v1/runs" }), false),
  op("POST /api/v1/runs/{id}/retry", "admin", (o) => ({ path: `/api/v1/runs/${o.runId}/retry` })),
  op("GET /api/v1/audit", "admin", () => ({ path: "/api/v1/audit" }), false),
  op("GET /api/v1/analytics", "agent", (o) => ({ path: `/api/v1/analytics?app=${o.appId}` })),
  op("POST /api/v1/keys", "owner", () => ({ path: "/api/v1/keys", body: { name: "probe", role: "agent" } }), false),
  op("GET /api/v1/keys", "owner", () => ({ path: "/api/v1/keys" }), false),
  op("DELETE /api/v1/keys/{id}", "owner", (o) => ({ path: `/api/v1/keys/${o.spareKeyId}` }), true, true),
  op("POST /api/v1/knowledge/sources", "admin", (o) => ({
    path: "/api/v1/knowledge/sources",
    body: { app: o.appId, title: "Probe", body: "A probe's knowledge." },
  })),
  op("GET /api/v1/knowledge/sources", "agent", (o) => ({ path: `/api/v1/knowledge/sources?app=${o.appId}` })),
  op("GET /api/v1/knowledge/sources/{id}", "agent", (o) => ({ path: `/api/v1/knowledge/sources/${o.sourceId}` })),
  op(
    "DELETE /api/v1/knowledge/sources/{id}",
    "admin",
    (o) => ({ path: `/api/v1/knowledge/sources/${o.spareSourceId}` }),
    true,
    true,
  ),
  op("POST /api/v1/knowledge/sources/{id}/resync", "admin", (o) => ({
    path: `/api/v1/knowledge/sources/${o.sourceId}/resync`,
  })),
  op("GET /api/v1/knowledge/search", "agent", (o) => ({ path: `/api/v1/knowledge/search?app=${o.appId}&q=refund` })),
  op("POST /api/v1/knowledge/evaluate", "agent", (o) => ({
    path: "/api/v1/knowledge/evaluate",
    body: {
      app: o.appId,
      queries: [{ id: "q1", text: "refund" }],
      qrels: [{ query: "q1", source: o.sourceId, score: 1 }],
    },
  })),
  op("POST /api/v1/knowledge/canned/import", "admin", (o) => ({
    path: "/api/v1/knowledge/canned/import",
    body: { app: o.appId },
  })),
  op("GET /api/v1/notifications", "agent", () => ({ path: "/api/v1/notifications" }), false),
  op("POST /api/v1/notifications/{id}/dismiss", "agent", (o) => ({
    path: `/api/v1/notifications/${o.notificationId}/dismiss`,
  })),
  op("GET /api/v1/slack", "agent", () => ({ path: "/api/v1/slack" }), false),
  op("PUT /api/v1/slack", "admin", (o) => ({ path: "/api/v1/slack", body: { channelId: "C0PROBE", app: o.appId } })),
  op("GET /api/v1/billing", "owner", () => ({ path: "/api/v1/billing" }), false),
  op(
    "POST /api/v1/billing/checkout",
    "owner",
    () => ({ path: "/api/v1/billing/checkout", body: { plan: "pro" } }),
    false,
  ),
  op("POST /api/v1/billing/portal", "owner", () => ({ path: "/api/v1/billing/portal" }), false),
  op(
    "PUT /api/v1/billing/overage",
    "owner",
    () => ({ path: "/api/v1/billing/overage", body: { overage: "pause" } }),
    false,
  ),
  op("GET /api/v1/contacts/{id}/export", "admin", (o) => ({
    path: `/api/v1/contacts/${encodeURIComponent(o.contactEmail)}/export`,
  })),
  op(
    "DELETE /api/v1/contacts/{id}",
    "admin",
    (o) => ({ path: `/api/v1/contacts/${encodeURIComponent(o.contactEmail)}` }),
    true,
    true,
  ),
  op("POST /api/v1/deliveries/{id}/resend", "agent", (o) => ({ path: `/api/v1/deliveries/${o.deliveryId}/resend` })),
  op("GET /api/v1/apps/{app}/products", "agent", (o) => ({ path: `/api/v1/apps/${o.appId}/products` })),
  op("POST /api/v1/apps/{app}/products", "admin", (o) => ({
    path: `/api/v1/apps/${o.appId}/products`,
    body: { sku: `PROBE-${Math.random().toString(36).slice(2, 8)}`, title: "Probe", priceMinor: 100 },
  })),
  op("POST /api/v1/apps/{app}/products/import", "admin", (o) => ({
    path: `/api/v1/apps/${o.appId}/products/import`,
    form: () => {
      const form = new FormData();
      form.set("file", new File([CATALOGUE], "catalogue.csv"));
      return form;
    },
  })),
  op("GET /api/v1/apps/{app}/products/{id}", "agent", (o) => ({
    path: `/api/v1/apps/${o.appId}/products/${o.productId}`,
  })),
  op("PATCH /api/v1/apps/{app}/products/{id}", "admin", (o) => ({
    path: `/api/v1/apps/${o.appId}/products/${o.productId}`,
    body: { title: "Probed title" },
  })),
  op(
    "DELETE /api/v1/apps/{app}/products/{id}",
    "admin",
    (o) => ({ path: `/api/v1/apps/${o.appId}/products/${o.spareProductId}` }),
    true,
    true,
  ),
  op("POST /api/v1/quotes", "agent", (o) => ({
    path: "/api/v1/quotes",
    body: {
      app: o.appId,
      conversation: o.conversationId,
      customer: { name: "Probe" },
      lines: [{ sku: o.productSku, quantity: 1 }],
    },
  })),
  {
    ...op("GET /api/v1/quotes", "agent", (o) => ({ path: `/api/v1/quotes?conversation=${o.conversationId}` })),
    listFilter: true,
  },
  op("GET /api/v1/quotes/{id}/pdf", "agent", (o) => ({ path: `/api/v1/quotes/${o.quoteId}/pdf` })),
  op("GET /api/v1/events", "agent", () => ({ path: "/api/v1/events" }), false),
  op("POST /api/v1/drafts/{id}/redraft", "agent", (o) => ({
    path: `/api/v1/drafts/${o.draftId}/redraft`,
    body: { note: "probe" },
  })),
  op("POST /api/v1/quotes/{id}/send", "agent", (o) => ({
    path: `/api/v1/quotes/${o.quoteId}/send`,
    body: { via: "email", to: "probe@example.com" },
  })),
  op("GET /api/v1/outbox/mails", "admin", () => ({ path: "/api/v1/outbox/mails" }), false),
  op("GET /api/v1/apps/{app}/shop", "agent", (o) => ({ path: `/api/v1/apps/${o.appId}/shop` })),
  op("PATCH /api/v1/apps/{app}/shop", "admin", (o) => ({
    path: `/api/v1/apps/${o.appId}/shop`,
    body: { quoteValidityDays: 20 },
  })),
  op("GET /api/v1/leads", "agent", (o) => ({ path: `/api/v1/leads?app=${o.appId}` })),
  op("GET /api/v1/leads/export", "agent", (o) => ({ path: `/api/v1/leads/export?app=${o.appId}` })),
  op("PATCH /api/v1/leads/{id}", "agent", (o) => ({
    path: `/api/v1/leads/${o.leadId}`,
    body: { notes: "Probed." },
  })),
  op("GET /api/v1/tasks", "agent", (o) => ({ path: `/api/v1/tasks?app=${o.appId}` })),
  op("PATCH /api/v1/tasks/{id}", "agent", (o) => ({ path: `/api/v1/tasks/${o.taskId}`, body: { status: "closed" } })),
  op("PUT /api/v1/apps/{app}/tasks/clickup", "admin", (o) => ({
    path: `/api/v1/apps/${o.appId}/tasks/clickup`,
    body: { token: "pk_probe", listId: "probe-list", apiUrl: "http://127.0.0.1:9" },
  })),
  op("GET /api/v1/apps/{app}/tasks/clickup", "agent", (o) => ({ path: `/api/v1/apps/${o.appId}/tasks/clickup` })),
  op(
    "DELETE /api/v1/apps/{app}/tasks/clickup",
    "admin",
    (o) => ({ path: `/api/v1/apps/${o.appId}/tasks/clickup` }),
    true,
    true,
  ),
  op("GET /api/v1/apps/{app}/widget", "admin", (o) => ({ path: `/api/v1/apps/${o.appId}/widget` })),
  op("PATCH /api/v1/apps/{app}/widget", "admin", (o) => ({
    path: `/api/v1/apps/${o.appId}/widget`,
    body: { responseTime: "within a probe" },
  })),
  op("POST /api/v1/apps/{app}/widget/secret/rotate", "admin", (o) => ({
    path: `/api/v1/apps/${o.appId}/widget/secret/rotate`,
  })),
  op("GET /api/v1/front-plugin", "agent", () => ({ path: "/api/v1/front-plugin" }), false),
  op(
    "PUT /api/v1/front-plugin",
    "admin",
    () => ({ path: "/api/v1/front-plugin", body: { secret: "probe-front-plugin-secret" } }),
    false,
  ),
  // The Front plugin's own credentials are headers (its secret, the org's slug, the teammate), never
  // an API key: with A's key or none, and B's ids, it must refuse.
  op("GET /front-plugin/api/me", "public", () => ({ path: "/front-plugin/api/me" })),
  op("GET /front-plugin/api/conversations/{frontId}", "public", (o) => ({
    path: `/front-plugin/api/conversations/${o.conversationId}`,
  })),
  op("POST /front-plugin/api/drafts/{id}/approve", "public", (o) => ({
    path: `/front-plugin/api/drafts/${o.otherDraftId}/approve`,
    body: { text: "Approved by the probe." },
  })),
  op("POST /front-plugin/api/drafts/{id}/redraft", "public", (o) => ({
    path: `/front-plugin/api/drafts/${o.draftId}/redraft`,
    body: { note: "probe" },
  })),
  op("POST /front-plugin/api/drafts/{id}/reject", "public", (o) => ({
    path: `/front-plugin/api/drafts/${o.draftId}/reject`,
    body: { reason: "probe" },
  })),
  // The widget's public routes: a visitor's session token (from an allowed origin) is the only key.
  op("POST /widget/v1/{app}/session", "public", (o) => ({ path: `/widget/v1/${o.appId}/session`, body: {} })),
  op("GET /widget/v1/{app}/conversation", "public", (o) => ({ path: `/widget/v1/${o.appId}/conversation` })),
  op("GET /widget/v1/{app}/events", "public", (o) => ({ path: `/widget/v1/${o.appId}/events` })),
  op("GET /widget/v1/{app}/suggestions", "public", (o) => ({
    path: `/widget/v1/${o.appId}/suggestions?q=${encodeURIComponent("reset my password")}`,
  })),
  op("POST /widget/v1/{app}/messages", "public", (o) => ({
    path: `/widget/v1/${o.appId}/messages`,
    body: { id: "probe-message-1", text: "A probe writes." },
  })),
  op("POST /widget/v1/{app}/ratings", "public", (o) => ({
    path: `/widget/v1/${o.appId}/ratings`,
    body: { messageId: "probe-message-1", rating: "up" },
  })),
  op("POST /widget/v1/{app}/person", "public", (o) => ({ path: `/widget/v1/${o.appId}/person` })),
  op("POST /widget/v1/{app}/deflections", "public", (o) => ({
    path: `/widget/v1/${o.appId}/deflections`,
    body: { question: "How do I reset my password?", sourceId: o.sourceId },
  })),
  op("PUT /api/v1/apps/{app}/tasks/hubspot", "admin", (o) => ({
    path: `/api/v1/apps/${o.appId}/tasks/hubspot`,
    body: { token: "pat-probe", apiUrl: "http://127.0.0.1:9" },
  })),
  op("POST /api/v1/front-plugin/secret/rotate", "admin", () => ({ path: "/api/v1/front-plugin/secret/rotate" }), false),
  // A fixed period: the default ends now, and the suite compares B's reads before and after.
  op("GET /api/v1/apps/{app}/shop/metrics", "agent", (o) => ({
    path: `/api/v1/apps/${o.appId}/shop/metrics?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z`,
  })),
  op("POST /widget/v1/{app}/files", "public", (o) => ({
    path: `/widget/v1/${o.appId}/files`,
    form: () => {
      const form = new FormData();
      form.set("file", new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31])], "probe.pdf"));
      return form;
    },
  })),
  op("GET /api/v1/conversations/{id}/files/{file}", "agent", (o) => ({
    path: `/api/v1/conversations/${o.conversationId}/files/${o.fileId}`,
  })),
  op("POST /api/v1/conversations/{id}/typing", "agent", (o) => ({
    path: `/api/v1/conversations/${o.conversationId}/typing`,
  })),
];
