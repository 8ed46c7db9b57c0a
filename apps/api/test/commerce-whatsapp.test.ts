import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";
import { whatsappDelivery, whatsappSign } from "./vendor-payloads.js";

const CATALOGUE = [
  "sku,title,title_mg,price,stock",
  "RIZ-MAK-25,Riz makalioka 25 kg,Vary makalioka 25 kg,95000,40",
  "HUI-5,Huile végétale 5 L,Menaka 5 L,42500,12",
  "SUC-1,Sucre blanc 1 kg,Siramamy fotsy 1 kg,4800,100",
].join("\n");
const PHONE_NUMBER_ID = "106540352242922";
const CUSTOMER = "261341234567";

/** What the fake Graph API received: uploads (parsed as the multipart form they are) and messages. */
interface GraphUpload {
  authorization: string | undefined;
  form: FormData;
}

const readBytes = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
  });

async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] WhatsApp commerce on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`a shop selling on WhatsApp, end to end, on ${dialect.name}`, () => {
    let p: TestProduct;
    let graph: Server;
    const uploads: GraphUpload[] = [];
    const messages: Record<string, unknown>[] = [];

    beforeAll(async () => {
      p = await openTestProduct(dialect.env, "Epicerie Rabe", { pipeline: true });
      graph = createServer(async (req, res) => {
        const body = await readBytes(req);
        res.setHeader("content-type", "application/json");
        if (req.url === `/v21.0/${PHONE_NUMBER_ID}/media`) {
          const form = await new Response(new Uint8Array(body), {
            headers: { "content-type": String(req.headers["content-type"]) },
          }).formData();
          uploads.push({ authorization: req.headers.authorization, form });
          res.end(JSON.stringify({ id: `media-${uploads.length}` }));
          return;
        }
        if (req.url === `/v21.0/${PHONE_NUMBER_ID}/messages`) {
          messages.push(JSON.parse(body.toString("utf8")));
          res.end(JSON.stringify({ messaging_product: "whatsapp", messages: [{ id: `wamid.OUT${messages.length}` }] }));
          return;
        }
        res.statusCode = 404;
        res.end(JSON.stringify({ error: { message: "Unsupported post request", code: 100 } }));
      });
      await new Promise<void>((resolve) => graph.listen(0, "127.0.0.1", resolve));
      const graphUrl = `http://127.0.0.1:${(graph.address() as AddressInfo).port}`;
      const channel = await jsonCall(p, `/api/v1/apps/${p.appId}/channels/whatsapp`, {
        method: "PUT",
        body: {
          settings: { baseUrl: graphUrl, phoneNumberId: PHONE_NUMBER_ID },
          secrets: { appSecret: "meta-secret", verifyToken: "v", accessToken: "EAAG-shop" },
        },
      });
      expect(channel.status).toBe(200);
    }, 60_000);
    afterAll(async () => {
      graph?.close();
      await p.runtime.stop();
      await p.runtime.database.close();
    });

    let nextId = 0;
    /** A customer's WhatsApp message, as Meta delivers it: signed with the app secret. */
    async function customerWrites(text: string, from = CUSTOMER) {
      nextId++;
      const raw = JSON.stringify(
        whatsappDelivery([
          {
            from,
            id: `wamid.IN${nextId}`,
            timestamp: String(Math.floor(Date.now() / 1000)),
            type: "text",
            text: { body: text },
          },
        ]),
      );
      const res = await p.api.request(`/webhooks/whatsapp/${p.appId}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...whatsappSign("meta-secret", raw) },
        body: raw,
      });
      expect(res.status).toBe(200);
    }

    const conversationOf = (phone: string) =>
      eventually(async () => {
        const list = await (await jsonCall(p, "/api/v1/conversations?channel=whatsapp")).json();
        const found = list.data.find((c: { externalId: string }) => c.externalId.includes(phone));
        return found?.id as string | undefined;
      }, `the conversation with ${phone}`);

    /** The draft answering the conversation's n-th customer message. */
    const draftNumber = (conversationId: string, n: number) =>
      eventually(async () => {
        const list = await (await jsonCall(p, `/api/v1/drafts?conversation=${conversationId}`)).json();
        const drafts = (list.data as { text: string; createdAt: string; triage: { language: string } }[]).sort((a, b) =>
          a.createdAt.localeCompare(b.createdAt),
        );
        return drafts.length >= n ? drafts[n - 1] : undefined;
      }, `draft ${n} of ${conversationId}`);

    const leadOf = (conversationId: string, stage: string) =>
      eventually(async () => {
        const list = await (await jsonCall(p, `/api/v1/leads?app=${p.appId}&stage=${stage}`)).json();
        return list.data.find((l: { conversationId: string }) => l.conversationId === conversationId);
      }, `a ${stage} lead`);

    it("imports the catalogue, answers prices, sends a quote PDF through the media upload, and an 'ok je prends' wins the lead and tells the shop", async () => {
      const form = new FormData();
      form.set("file", new File([CATALOGUE], "catalogue.csv"));
      const imported = await p.api.request(`/api/v1/apps/${p.appId}/products/import`, {
        method: "POST",
        headers: { authorization: `Bearer ${p.ownerKey}` },
        body: form,
      });
      expect(await imported.json()).toMatchObject({ applied: true, counts: { created: 3 } });
      const settings = await jsonCall(p, `/api/v1/apps/${p.appId}/shop`, {
        method: "PATCH",
        body: {
          taxRateBp: 2000,
          pricesIncludeTax: true,
          delivery: [
            { fromSubtotalMinor: 0, feeMinor: 5000 },
            { fromSubtotalMinor: 1_000_000, feeMinor: 0 },
          ],
          quoteValidityDays: 7,
          paymentInstructions: [
            { method: "mvola", details: "034 12 345 67 (Rabe)" },
            { method: "cash_on_delivery", details: "" },
          ],
          ownerNotification: { via: "email", address: "patron@epicerie-rabe.mg" },
        },
      });
      expect(settings.status).toBe(200);

      // A French question about one product's price: its exact price, and the contact is a lead.
      await customerWrites("Bonjour, quel est le prix du sac de riz 25 kg ?");
      const conversationId = await conversationOf(CUSTOMER);
      const priceDraft = await draftNumber(conversationId, 1);
      expect(priceDraft.text).toContain("Riz makalioka 25 kg : 95 000 Ar");
      expect(priceDraft.text).not.toContain("42 500");
      await leadOf(conversationId, "new");

      // Quantities of two products: a quote from the catalogue, sent as a PDF document.
      await customerWrites("Je voudrais 3 sacs de riz 25 kg et 2 bidons d'huile 5 L");
      const quotedLead = await leadOf(conversationId, "quoted");
      const quotes = (await (await jsonCall(p, `/api/v1/quotes?conversation=${conversationId}`)).json()).data;
      expect(quotes).toHaveLength(1);
      // 3 × 95 000 + 2 × 42 500 = 370 000 TTC, + 5 000 delivery = 375 000 Ar to pay.
      expect(quotes[0]).toMatchObject({
        number: "D-0001",
        lines: [
          { sku: "RIZ-MAK-25", quantity: 3, unitMinor: 95000, lineMinor: 285000 },
          { sku: "HUI-5", quantity: 2, unitMinor: 42500, lineMinor: 85000 },
        ],
        subtotalMinor: 370000,
        deliveryMinor: 5000,
        totalMinor: 375000,
        totalText: "375 000 Ar",
        status: "sent",
      });
      expect(quotedLead).toMatchObject({ valueMinor: 375000, valueText: "375 000 Ar", quoteId: quotes[0].id });
      expect(uploads).toHaveLength(1);
      const upload = uploads[0] as GraphUpload;
      expect(upload.authorization).toBe("Bearer EAAG-shop");
      expect(upload.form.get("messaging_product")).toBe("whatsapp");
      expect(upload.form.get("type")).toBe("application/pdf");
      const file = upload.form.get("file") as File;
      expect(file.name).toBe("D-0001.pdf");
      const uploaded = Buffer.from(await file.arrayBuffer());
      const download = await p.api.request(`/api/v1/quotes/${quotes[0].id}/pdf`, {
        headers: { authorization: `Bearer ${p.ownerKey}` },
      });
      expect(Buffer.from(await download.arrayBuffer()).equals(uploaded)).toBe(true);
      const documents = messages.filter((m) => m.type === "document");
      expect(documents).toEqual([
        expect.objectContaining({
          to: CUSTOMER,
          type: "document",
          document: {
            id: "media-1",
            filename: "D-0001.pdf",
            caption: expect.stringContaining("devis D-0001 : total 375 000 Ar"),
          },
        }),
      ]);

      // The customer accepts: the lead is won, the order confirmed with how to pay, the shop told.
      await customerWrites("ok je prends");
      const won = await leadOf(conversationId, "won");
      expect(won).toMatchObject({ valueMinor: 375000, quoteId: quotes[0].id });
      const confirmation = await draftNumber(conversationId, 3);
      expect(confirmation.text).toContain("Votre commande (devis D-0001, 375 000 Ar) est confirmée");
      expect(confirmation.text).toContain("- MVola : 034 12 345 67 (Rabe)");
      const accepted = (await (await jsonCall(p, `/api/v1/quotes?conversation=${conversationId}`)).json()).data;
      expect(accepted[0].status).toBe("accepted");
      const notices = await eventually(async () => {
        const list = await (await jsonCall(p, "/api/v1/notifications")).json();
        const found = list.data.filter((n: { kind: string }) => n.kind === "order_confirmed");
        return found.length ? found : undefined;
      }, "the order notification");
      expect(notices[0]).toMatchObject({
        conversationId,
        reason: "Commande confirmée : devis D-0001, 375 000 Ar, Rakoto (+261341234567).",
      });
      // No SMTP configured: the owner's emails (the qualified lead, then the order) are in the
      // embedded mailbox, sent through the mail port; nothing of them is on the customer's conversation.
      const mails = await eventually(async () => {
        const list = await (await jsonCall(p, "/api/v1/outbox/mails")).json();
        const found = list.data.filter((m: { kind: string }) => m.kind === "shop_notice");
        return found.length >= 2 ? found : undefined;
      }, "the owner's emails");
      expect(mails.map((m: { recipient: string }) => m.recipient)).toEqual([
        "patron@epicerie-rabe.mg",
        "patron@epicerie-rabe.mg",
      ]);
      expect(mails.map((m: { text: string }) => m.text)).toEqual(
        expect.arrayContaining([
          notices[0].reason,
          "Nouveau prospect qualifié : Rakoto (+261341234567) demande 3 × Riz makalioka 25 kg, 2 × Huile végétale 5 L.",
        ]),
      );
      const outbox = (await (await jsonCall(p, `/api/v1/outbox?app=${p.appId}`)).json()).data;
      expect(outbox.filter((m: { channel: string }) => m.channel === "email")).toEqual([]);
      const leadNotices = (await (await jsonCall(p, "/api/v1/notifications")).json()).data.filter(
        (n: { kind: string }) => n.kind === "lead_qualified",
      );
      expect(leadNotices).toHaveLength(1);
      expect(leadNotices[0]).toMatchObject({ conversationId });

      const csv = await p.api.request(`/api/v1/leads/export?app=${p.appId}`, {
        headers: { authorization: `Bearer ${p.ownerKey}` },
      });
      expect(csv.headers.get("content-type")).toContain("text/csv");
      const rows = (await csv.text()).trim().split("\n");
      expect(rows[0]).toBe("id,stage,name,phone,email,value,currency,owner,notes,quote,created,updated");
      expect(rows[1]).toContain(",won,Rakoto,");
    }, 180_000);

    it("answers a Malagasy question in Malagasy, with the catalogue's Malagasy name and price", async () => {
      await customerWrites("Salama, ohatrinona ny vary makalioka 25 kg?", "261330000001");
      const conversationId = await conversationOf("261330000001");
      const draft = await draftNumber(conversationId, 1);
      expect(draft.triage.language).toBe("mg");
      expect(draft.text).toContain("Vary makalioka 25 kg : 95 000 Ar");
      const lead = await leadOf(conversationId, "new");

      // A seller moves the lead by hand: any stage, with an owner and a note.
      const moved = await jsonCall(p, `/api/v1/leads/${lead.id}`, {
        method: "PATCH",
        body: { stage: "lost", owner: "Hery", notes: "Achète chez un grossiste" },
      });
      expect(moved.status).toBe(200);
      expect(await moved.json()).toMatchObject({ stage: "lost", owner: "Hery", notes: "Achète chez un grossiste" });
      const badStage = await jsonCall(p, `/api/v1/leads/${lead.id}`, { method: "PATCH", body: { stage: "gagné" } });
      expect(badStage.status).toBe(400);
      const lost = (await (await jsonCall(p, `/api/v1/leads?app=${p.appId}&stage=lost`)).json()).data;
      expect(lost.map((l: { id: string }) => l.id)).toEqual([lead.id]);

      // The customer's data includes the lead; erasing the customer erases it.
      const exported = await (await jsonCall(p, `/api/v1/contacts/${lead.contactId}/export`)).json();
      expect(exported.leads.map((l: { id: string }) => l.id)).toEqual([lead.id]);
      expect((await jsonCall(p, `/api/v1/contacts/${lead.contactId}`, { method: "DELETE" })).status).toBe(200);
      expect((await (await jsonCall(p, `/api/v1/leads?app=${p.appId}&stage=lost`)).json()).data).toEqual([]);
    }, 120_000);

    it("holds a quote above the shop's threshold for a person, who sends it", async () => {
      // The owner wrote to the shop today (their 24-hour window is open): notices reach them on WhatsApp.
      const OWNER = "261349999999";
      await jsonCall(p, `/api/v1/apps/${p.appId}/shop`, {
        method: "PATCH",
        body: { approvalThresholdMinor: 500_000, ownerNotification: { via: "whatsapp", phone: "+261 34 99 999 99" } },
      });
      await customerWrites("Bonjour, c'est le patron", OWNER);
      const ownerConversation = await conversationOf(OWNER);
      const before = uploads.length;
      await customerWrites("Bonjour, 10 sacs de riz makalioka 25 kg svp", "261330000002");
      const conversationId = await conversationOf("261330000002");
      const waiting = await eventually(async () => {
        const list = await (await jsonCall(p, `/api/v1/quotes?conversation=${conversationId}`)).json();
        return list.data[0]?.status === "pending_approval" ? list.data[0] : undefined;
      }, "a quote waiting for approval");
      expect(waiting.totalMinor).toBe(955000);
      expect(uploads).toHaveLength(before);
      await eventually(async () => {
        const list = await (await jsonCall(p, "/api/v1/notifications")).json();
        return list.data.find((n: { kind: string }) => n.kind === "quote_approval");
      }, "the approval notification");

      // The owner is told in their own conversation with the shop, never in the customer's.
      const ownerText = await eventually(
        async () =>
          messages.find(
            (m) => m.to === OWNER && String((m.text as { body?: string } | undefined)?.body).startsWith("Devis D-"),
          ),
        "the owner's WhatsApp notice",
      );
      expect((ownerText.text as { body: string }).body).toContain("à valider avant l'envoi");
      // The fake Graph API numbers its messages: this one's id is on the owner's conversation only.
      const wamid = `wamid.OUT${messages.indexOf(ownerText) + 1}`;
      const vendorIds = async (id: string) =>
        (await (await jsonCall(p, `/api/v1/conversations/${id}`)).json()).deliveries.map(
          (d: { vendorMessageId: string | null }) => d.vendorMessageId,
        );
      // The Graph API answers before the delivery records its id: wait for the record.
      await eventually(
        async () => ((await vendorIds(ownerConversation)).includes(wamid) ? true : undefined),
        "the owner's delivery",
      );
      expect(await vendorIds(conversationId)).not.toContain(wamid);

      const sent = await jsonCall(p, `/api/v1/quotes/${waiting.id}/send`, { method: "POST", body: {} });
      expect(sent.status).toBe(200);
      expect(await sent.json()).toMatchObject({ status: "sent" });
      expect(uploads).toHaveLength(before + 1);
      await leadOf(conversationId, "quoted");
    }, 120_000);
  });
}
