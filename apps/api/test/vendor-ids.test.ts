/**
 * Vendor ids are length-limited (issue 14, Low): a signed delivery whose event or ticket id does
 * not fit the 200-character columns is refused whole with 400, and nothing of it is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestProduct, type TestProduct } from "./harness.js";
import { zendeskSign } from "./vendor-payloads.js";
import { configureVendorChannels, conversationsOf, post } from "./webhook-helpers.js";

let p: TestProduct;
beforeAll(async () => {
  p = await openTestProduct({});
  await configureVendorChannels(p);
});
afterAll(async () => p.runtime.database.close());

const ticketCreated = (eventId: string, ticketId: string) =>
  JSON.stringify({
    type: "zen:event-type:ticket.created",
    id: eventId,
    time: "2026-11-24T10:00:00Z",
    subject: `zen:ticket:${ticketId}`,
    detail: { id: ticketId, subject: "Hello", description: "Hi there", requester_id: "9001", status: "NEW" },
    event: {},
  });

describe("vendor id lengths", () => {
  it.each([
    ["event id", "e".repeat(201), "501"],
    ["ticket id", "evt-long-ticket", "7".repeat(201)],
  ])("refuses a Zendesk delivery whose %s is over 200 characters", async (_what, eventId, ticketId) => {
    const raw = ticketCreated(eventId, ticketId);
    const res = await post(p, `/webhooks/zendesk/${p.appId}`, raw, zendeskSign("zendesk-secret", raw));
    expect(res.status).toBe(400);
    expect((await res.json()).detail).toContain("longer than 200 characters");
    expect(await conversationsOf(p, "zendesk")).toEqual([]);
  });

  it("accepts long ids that fit once the channel's prefixes are added", async () => {
    const raw = ticketCreated("e".repeat(150), "8".repeat(150));
    const res = await post(p, `/webhooks/zendesk/${p.appId}`, raw, zendeskSign("zendesk-secret", raw));
    expect(res.status).toBe(200);
    expect((await conversationsOf(p, "zendesk")).map((c) => c.externalId)).toEqual(["8".repeat(150)]);
  });
});
