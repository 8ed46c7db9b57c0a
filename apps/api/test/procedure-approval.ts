import { expect } from "vitest";
import { jsonCall, type TestProduct } from "./harness.js";

/**
 * A procedure's message step waits for a person under the default autonomy (ADR 0113): finds the
 * conversation's message draft once it waits, and approves it as a person would (the API).
 */
export async function approveProcedureMessage(p: TestProduct, conversationId: string): Promise<{ id: string }> {
  for (let i = 0; i < 1200; i++) {
    const list = await (await jsonCall(p, "/api/v1/drafts?status=pending_approval&limit=100")).json();
    const draft = list.data.find((d: { conversationId: string }) => d.conversationId === conversationId);
    if (draft) {
      const approved = await jsonCall(p, `/api/v1/drafts/${draft.id}/approve`, { method: "POST", body: {} });
      expect(approved.status).toBe(200);
      return draft;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for the message draft of ${conversationId}`);
}
