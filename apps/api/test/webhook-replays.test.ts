/**
 * Replays (issue 14, Low): a re-encoded signature is the same request to the replay cache, and an
 * identical Zendesk redelivery (same bytes, same timestamp: a retry whose answer was lost) gets
 * 2xx and changes nothing, while an altered one is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestProduct, type TestProduct } from "./harness.js";
import { frontInbound, frontSign, zendeskSign } from "./vendor-payloads.js";
import { configureVendorChannels, conversationsOf, post } from "./webhook-helpers.js";

let p: TestProduct;
beforeAll(async () => {
  p = await openTestProduct({});
  await configureVendorChannels(p);
});
afterAll(async () => p.runtime.database.close());

const unpadded = (base64: string) => base64.replace(/=+$/, "");

describe("webhook replays", () => {
  it("refuses a Front replay whose signature was re-encoded (base64 padding dropped)", async () => {
    const raw = JSON.stringify(
      frontInbound({ eventId: "evt_replay", messageId: "msg_replay", conversationId: "cnv_replay", blurb: "Hi" }),
    );
    const headers = frontSign("front-secret", raw);
    expect(headers["x-front-signature"]).toMatch(/=$/);
    expect((await post(p, `/webhooks/front/${p.appId}`, raw, headers)).status).toBe(200);
    const reencoded = { ...headers, "x-front-signature": unpadded(headers["x-front-signature"]) };
    const replay = await post(p, `/webhooks/front/${p.appId}`, raw, reencoded);
    expect(replay.status).toBe(401);
    expect((await replay.json()).detail).toContain("replay");
  });

  it("answers an identical Zendesk redelivery 200 and changes nothing; an altered one 401", async () => {
    const raw = JSON.stringify({
      type: "zen:event-type:ticket.created",
      id: "zd-redelivery",
      time: "2026-11-24T10:00:00Z",
      subject: "zen:ticket:9901",
      detail: { id: "9901", subject: "Hello", description: "Hi there", requester_id: "9001", status: "NEW" },
      event: {},
    });
    const headers = zendeskSign("zendesk-secret", raw);
    expect((await post(p, `/webhooks/zendesk/${p.appId}`, raw, headers)).status).toBe(200);
    const before = await conversationsOf(p, "zendesk");
    const again = await post(p, `/webhooks/zendesk/${p.appId}`, raw, headers);
    expect(again.status).toBe(200);
    expect(await conversationsOf(p, "zendesk")).toEqual(before);
    const altered = raw.replace("Hi there", "Hi there!");
    expect((await post(p, `/webhooks/zendesk/${p.appId}`, altered, headers)).status).toBe(401);
    expect(await conversationsOf(p, "zendesk")).toEqual(before);
  });
});
