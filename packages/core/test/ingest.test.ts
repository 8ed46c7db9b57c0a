import type { InboundMessage, NormalizedDelivery } from "@support/channels";
import { type App, type Database, type Db, findAppForWebhook, findInboundEvent, insertInboundEvent } from "@support/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestDelivery, type RawDelivery } from "../src/intake/ingest.js";
import { tenant } from "./analytics/seed.js";
import { dialects } from "./dialects.js";

const raw: RawDelivery = { channel: "generic", rawBody: "{}", headers: {} };

function message(id: string, overrides: Partial<InboundMessage> = {}): InboundMessage {
  return {
    externalId: id,
    conversationExternalId: `thread-${id}`,
    direction: "inbound",
    authorKind: "customer",
    contact: { email: "ada@example.com" },
    kind: "text",
    text: "Where is my order?",
    attachments: [],
    sentAt: new Date(),
    ...overrides,
  };
}

const delivery = (id: string, messages: InboundMessage[]): NormalizedDelivery => ({
  vendorEventId: id,
  eventType: "message.received",
  messages,
  changes: [],
  statuses: [],
});

/**
 * The database, with its transactions counted and, for the first `fail` of them, preceded by
 * `before` (what a concurrent request committed meanwhile) and failed with what `fail` throws.
 */
function instrumented(database: Database, race?: { before(): Promise<void>; fail(): Promise<never> }) {
  const calls = { transactions: 0 };
  const proxy = new Proxy(database, {
    get(target, property, receiver) {
      if (property !== "transaction") return Reflect.get(target, property, receiver);
      return async <T>(work: (tx: Db) => Promise<T>) => {
        calls.transactions++;
        if (race && calls.transactions === 1) {
          await race.before();
          return race.fail();
        }
        return target.transaction(work);
      };
    },
  });
  return { database: proxy, calls };
}

for (const dialect of dialects) {
  describe.skipIf(Boolean(dialect.skipReason))(`ingesting a delivery on ${dialect.name}`, () => {
    let database: Database;
    let app: App;
    beforeAll(async () => {
      database = await dialect.open();
      const { appId } = await tenant(database.db, "Ingest");
      app = (await findAppForWebhook(database.db, appId)) as App;
    });
    afterAll(async () => database?.close());

    it("retries a redelivery that lost the race on the unique keys, and answers duplicate", async () => {
      const winner = delivery("evt-race", [message("m-race")]);
      const { database: racing, calls } = instrumented(database, {
        // The concurrent redelivery commits first ...
        before: async () => void (await ingestDelivery(database, app, raw, winner)),
        // ... so this one's insert of the same vendor event fails on the unique key.
        fail: async () => {
          await insertInboundEvent(database.db, {
            orgId: app.orgId,
            appId: app.id,
            channelKind: raw.channel,
            vendorEventId: winner.vendorEventId,
            eventType: "message.received",
            headers: {},
            payload: "{}",
            status: "stored",
            reason: null,
          });
          throw new Error("expected a unique violation");
        },
      });
      const result = await ingestDelivery(racing, app, raw, winner);
      expect(calls.transactions).toBe(2);
      expect(result).toMatchObject({ status: "duplicate", messageIds: [], events: 0 });
    });

    it("does not retry a NOT NULL violation: it is a bug, not a race, and nothing is stored", async () => {
      const broken = delivery("evt-null", [message("m-null", { text: null as unknown as string })]);
      const { database: counted, calls } = instrumented(database);
      await expect(ingestDelivery(counted, app, raw, broken)).rejects.toThrow();
      expect(calls.transactions).toBe(1);
      expect(await findInboundEvent(database.db, app.id, raw.channel, "evt-null")).toBeUndefined();
    });

    it("validates every event against the catalog before it reaches the outbox", async () => {
      const invalid = delivery("evt-invalid", [message("m-invalid", { authorKind: "robot" as "bot" })]);
      await expect(ingestDelivery(database, app, raw, invalid)).rejects.toThrow(/authorKind/);
      expect(await findInboundEvent(database.db, app.id, raw.channel, "evt-invalid")).toBeUndefined();
    });

    it("stores a delivery and its event once", async () => {
      const first = await ingestDelivery(database, app, raw, delivery("evt-ok", [message("m-ok")]));
      expect(first).toMatchObject({ status: "stored", events: 1 });
      expect(first.messageIds).toHaveLength(1);
      const again = await ingestDelivery(database, app, raw, delivery("evt-ok", [message("m-ok")]));
      expect(again.status).toBe("duplicate");
    });
  });
}
