import { expect } from "vitest";
import { jsonCall, type TestProduct } from "./harness.js";

/** Shared by the webhook suites: a JSON POST, and reads through the conversations API. */
export const post = (p: TestProduct, path: string, body: string, headers: Record<string, string>) =>
  p.api.request(path, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

export async function conversationsOf(p: TestProduct, channel: string) {
  const res = await jsonCall(p, `/api/v1/conversations?channel=${channel}&limit=100`);
  return (await res.json()).data as { id: string; externalId: string; assignee: string | null; tags: string[] }[];
}

export async function detail(p: TestProduct, id: string) {
  return (await jsonCall(p, `/api/v1/conversations/${id}`)).json();
}

/** The vendor channels the suites post to, with the secrets their signatures use. */
export async function configureVendorChannels(p: TestProduct) {
  for (const [kind, body] of Object.entries({
    front: { secrets: { appSecret: "front-secret" } },
    zendesk: { secrets: { webhookSecret: "zendesk-secret" } },
    whatsapp: { secrets: { appSecret: "meta-secret", verifyToken: "verify-me" } },
  })) {
    expect((await jsonCall(p, `/api/v1/apps/${p.appId}/channels/${kind}`, { method: "PUT", body })).status).toBe(200);
  }
}
