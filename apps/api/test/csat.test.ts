import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";

/**
 * CSAT (ADR 0133): a person's reply to a contact-form customer carries signed rating links; one
 * click records, a later click changes the same rating; tampered and expired links are refused
 * with a page; the widget's thumbs and the links' ratings meet in analytics.
 */
for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] CSAT on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`CSAT on ${dialect.name}`, { timeout: 60_000 }, () => {
    let p: TestProduct;
    let links: string[] = [];

    const writeIn = async (email: string, message: string) => {
      const res = await p.api.request(`/public/${p.appId}/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, message }),
      });
      expect(res.status).toBe(201);
      const list = await (await jsonCall(p, "/api/v1/conversations?channel=web")).json();
      return list.data.find((c: { contact?: { email?: string } }) => c.contact?.email === email)?.id ?? list.data[0].id;
    };
    const reply = async (conversationId: string, text: string) => {
      const res = await jsonCall(p, `/api/v1/conversations/${conversationId}/replies`, {
        method: "POST",
        body: { text },
      });
      expect(res.status).toBe(201);
      const outbox = await (await jsonCall(p, `/api/v1/outbox?app=${p.appId}`)).json();
      return outbox.data.find((m: { text: string }) => m.text.startsWith(text)).text as string;
    };
    const open = (url: string) => p.api.request(url.replace(/^https?:\/\/[^/]+/, ""));
    const analytics = async () => (await (await jsonCall(p, "/api/v1/analytics")).json()).totals;

    beforeAll(async () => {
      p = await openTestProduct(dialect.env);
    });
    afterAll(async () => p.runtime.stop());

    it("sends no links while the app's csat setting is off", async () => {
      const id = await writeIn("off@example.com", "Do you ship to Madagascar?");
      const sent = await reply(id, "Yes, we ship everywhere.");
      expect(sent).toBe("Yes, we ship everywhere.");
    });

    it("appends one signed link per score to an email reply, in the customer's language", async () => {
      const patched = await jsonCall(p, `/api/v1/apps/${p.appId}`, {
        method: "PATCH",
        body: { settings: { csat: "five" } },
      });
      expect(patched.status).toBe(200);
      const id = await writeIn("mia@example.com", "Bonjour, est-ce que vous livrez à Antananarivo ? Merci beaucoup.");
      const sent = await reply(id, "Oui, nous livrons à Antananarivo.");
      expect(sent).toContain("Notre réponse vous a-t-elle aidé ? Notez-la :");
      links = [...sent.matchAll(/(http\S+\/rate\/\S+\?score=\d)/g)].map((m) => m[1] as string);
      expect(links).toHaveLength(5);
      // The conversation keeps the reply's own words; the links are the delivery's.
      const detail = await (await jsonCall(p, `/api/v1/conversations/${id}`)).json();
      expect(detail.messages.at(-1).text).toBe("Oui, nous livrons à Antananarivo.");
    });

    it("records one click, changes the rating on a later click, and counts the reply once", async () => {
      const five = links.find((l) => l.endsWith("score=5")) as string;
      const two = links.find((l) => l.endsWith("score=2")) as string;
      const first = await open(five);
      expect(first.status).toBe(200);
      const page = await first.text();
      expect(page).toContain('<html lang="fr">');
      expect(page).toContain("Merci pour votre avis");
      expect(page).toContain("Votre note : 5 sur 5.");
      expect((await analytics()).rated).toBe(1);
      await open(five);
      const changed = await (await open(two)).text();
      expect(changed).toContain("Votre note : 2 sur 5.");
      const totals = await analytics();
      expect(totals).toMatchObject({ rated: 1, csatAvg: 2, csatPositiveRate: 0 });
      const audit = await (await jsonCall(p, "/api/v1/audit?limit=100")).json();
      const rated = audit.data.filter((a: { action: string }) => a.action === "reply.rated");
      expect(rated.map((a: { data: { score: number } }) => a.data.score).sort()).toEqual([2, 5]);
    });

    it("shows the choices and the current rating without a score, and ignores a score off the scale", async () => {
      const bare = (links[0] as string).replace(/\?score=\d$/, "");
      const page = await (await open(bare)).text();
      expect(page).toContain("Quelle note donnez-vous à cette réponse ?");
      expect(page).toContain("Votre note : 2 sur 5.");
      expect((await open(`${bare}?score=9`)).status).toBe(200);
      expect((await analytics()).csatAvg).toBe(2);
    });

    it("refuses a tampered link with a page and records nothing", async () => {
      const link = links[0] as string;
      const otherDelivery = link.replace(/\/rate\/dlv_(\w)/, (_m, c: string) => `/rate/dlv_${c === "0" ? "1" : "0"}`);
      for (const bad of [otherDelivery, link.replace(/\.(\w)([\w-]*)\?/, ".$2x?")]) {
        const res = await open(bad);
        expect(res.status).toBe(400);
        expect(await res.text()).toContain("Ce lien de notation n’est pas valide");
      }
      const nonsense = await open("/rate/nonsense?score=5");
      expect(nonsense.status).toBe(400);
      expect(await nonsense.text()).toContain("This rating link is not valid");
      expect((await analytics()).rated).toBe(1);
    });

    it("refuses an expired link with its own page", async () => {
      const id = await writeIn("late@example.com", "Hello, do you sell gift cards for birthdays?");
      const sent = await reply(id, "We do, from 10 EUR.");
      const link = /(http\S+\/rate\/\S+\?score=4)/.exec(sent)?.[1] as string;
      const later = new Date(Date.now() + 31 * 86_400_000);
      const { rateByLink } = await import("@support/core");
      const token = /\/rate\/([^?]+)/.exec(link)?.[1] as string;
      await expect(rateByLink(p.runtime.platform, token, 4, later)).resolves.toMatchObject({
        kind: "refused",
        reason: "expired",
        language: "en",
      });
      const res = await open(link);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("Your rating: 4 out of 5.");
      expect(await analytics()).toMatchObject({ rated: 2, csatAvg: 3, csatPositiveRate: 0.5 });
    });

    it("offers thumbs when the app rates with thumbs", async () => {
      await jsonCall(p, `/api/v1/apps/${p.appId}`, { method: "PATCH", body: { settings: { csat: "thumbs" } } });
      const id = await writeIn("thumbs@example.com", "Hello, can I change my delivery address after ordering?");
      const sent = await reply(id, "Yes, until the parcel leaves.");
      const up = /Helpful: (http\S+)/.exec(sent)?.[1] as string;
      expect(sent).toContain("How did we do? Rate this reply:");
      expect(sent).not.toContain("score=3");
      expect(await (await open(up)).text()).toContain("Your rating: Helpful.");
      expect(await analytics()).toMatchObject({ rated: 3, csatAvg: 3.67 });
    });
  });
}
