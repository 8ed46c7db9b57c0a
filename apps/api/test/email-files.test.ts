import { signPayload } from "@support/sdk/signing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";

/*
 * Issue 18 (file storage): an inbound email's attachment whose bytes are in the payload is stored
 * (ADR 0141), so the 3D intake procedure's photo is a real file the team downloads; a program
 * named `.pdf` is kept as a refused name only and does not count as the plan.
 */
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from("a jpeg of a chair")]);
const PROGRAM = Buffer.from("MZ\x90\x00 pretending to be a plan");

interface Run {
  extracted: Record<string, { kind: string; files?: string[] }>;
}

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] email files on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`inbound email files on ${dialect.name}`, () => {
    let p: TestProduct;
    beforeAll(async () => {
      p = await openTestProduct(dialect.env, "Studio", { pipeline: true });
      const added = await jsonCall(p, `/api/v1/apps/${p.appId}/procedures`, {
        method: "POST",
        body: { template: "3d-intake" },
      });
      expect(added.status).toBe(201);
    }, 120_000);
    afterAll(async () => {
      await p.runtime.stop();
      await p.runtime.database.close();
    });

    const send = async (raw: string, secondsLater = 0) =>
      p.api.request(`/webhooks/email/${p.appId}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-support-signature": signPayload(raw, [p.signingSecret], Math.floor(Date.now() / 1000) + secondsLater),
        },
        body: raw,
      });

    it("stores the photo, refuses the program, and the procedure extracts the stored photo", async () => {
      const raw = JSON.stringify({
        from: "Ada <ada@example.com>",
        subject: "Modélisation",
        text: "Bonjour, je voudrais modéliser une chaise. Voici la photo et le plan.",
        messageId: `<files-${Date.now()}@mail.example.com>`,
        attachments: [
          { filename: "chaise.jpg", contentType: "image/jpeg", content: JPEG.toString("base64") },
          { filename: "plan.pdf", contentType: "application/pdf", content: PROGRAM.toString("base64") },
        ],
      });
      expect((await send(raw)).status).toBe(200);
      // The provider's retry (signed anew): nothing new stored, no row left behind.
      expect((await send(raw, 1)).status).toBe(200);

      const list = await (await jsonCall(p, "/api/v1/conversations?channel=email")).json();
      const id = list.data[0].id as string;
      const detail = await (await jsonCall(p, `/api/v1/conversations/${id}`)).json();
      const [photo, plan] = detail.messages[0].attachments;
      expect(photo).toMatchObject({ name: "chaise.jpg", contentType: "image/jpeg", size: JPEG.length });
      expect(plan).toMatchObject({ name: "plan.pdf", refused: "unsupported_media_type" });
      expect(plan).not.toHaveProperty("fileId");
      expect(JSON.stringify(detail.messages)).not.toContain(JPEG.toString("base64"));

      const download = await jsonCall(p, `/api/v1/conversations/${id}/files/${photo.fileId}`);
      expect(download.status).toBe(200);
      expect(Buffer.from(await download.arrayBuffer())).toEqual(JPEG);
      const rows = await p.runtime.database.db.q.select().from(p.runtime.database.db.t.storedFiles);
      expect(rows.filter((r) => r.orgId === p.orgId)).toHaveLength(1);

      let run: Run | undefined;
      for (let i = 0; i < 120 && !run?.extracted.photo; i++) {
        await new Promise((r) => setTimeout(r, 500));
        const d = await (await jsonCall(p, `/api/v1/conversations/${id}`)).json();
        run = d.procedureRuns[0];
      }
      expect(run?.extracted.photo).toEqual({ kind: "attachment", files: ["chaise.jpg"] });
      expect(run?.extracted.plan).toBeUndefined();
    }, 120_000);
  });
}
