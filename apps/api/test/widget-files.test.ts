import { fileKey } from "@support/files";
import { type FakeS3, startFakeS3 } from "@support/files/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";
import { readFrames } from "./sse-frames.js";

/*
 * Issue 18 (attachments, typing): a visitor's file is checked by its bytes, capped, stored in the
 * configured file store, carried by their message, downloadable by the team from the conversation
 * (and by no one else), and erased with the customer. The dashboard's typing signal reaches the
 * visitor's stream.
 */
const ORIGIN = "https://shop.example";
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from("a tiny png body for the test"),
]);
const EXE = Buffer.from("MZ\x90\x00 this is a program renamed photo.png");

const stores = [
  { name: "embedded store", s3: false },
  { name: "S3 store (fake S3 on 127.0.0.1)", s3: true },
];

for (const dialect of dialects) {
  for (const store of stores) {
    if (dialect.skipReason && !store.s3) console.warn(`[skip] widget files on ${dialect.name}: ${dialect.skipReason}`);
    describe.skipIf(Boolean(dialect.skipReason))(`widget files on ${dialect.name}, ${store.name}`, () => {
      let p: TestProduct;
      let s3: FakeS3 | undefined;
      beforeAll(async () => {
        s3 = store.s3 ? await startFakeS3() : undefined;
        const env: Record<string, string> = { ...dialect.env, FILE_MAX_BYTES: "4096" };
        if (s3) {
          Object.assign(env, {
            FILES_S3_BUCKET: s3.bucket,
            FILES_S3_ENDPOINT: s3.endpoint,
            FILES_S3_ACCESS_KEY_ID: s3.accessKeyId,
            FILES_S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
            FILES_S3_PATH_STYLE: "true",
          });
        }
        p = await openTestProduct(env, "Acme");
        await jsonCall(p, `/api/v1/apps/${p.appId}/widget/secret/rotate`, { method: "POST" });
        await jsonCall(p, `/api/v1/apps/${p.appId}/widget`, { method: "PATCH", body: { allowedOrigins: [ORIGIN] } });
      }, 120_000);
      afterAll(async () => {
        await p.runtime.stop();
        await p.runtime.database.close();
        await s3?.close();
      });

      const call = (path: string, init: { method?: string; body?: unknown; token?: string; form?: FormData } = {}) =>
        p.api.request(`/widget/v1/${p.appId}${path}`, {
          method: init.method ?? "GET",
          headers: {
            origin: ORIGIN,
            ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
            ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
          },
          body: init.form ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
        });
      const visitor = async (email: string) => {
        const res = await call("/session", { method: "POST", body: { email } });
        return (await res.json()).token as string;
      };
      const upload = (token: string, bytes: Buffer, name: string, type = "image/png") => {
        const form = new FormData();
        form.set("file", new File([new Uint8Array(bytes)], name, { type }));
        return call("/files", { method: "POST", token, form });
      };

      /** The team's id of the conversation holding this visitor's latest message. */
      const conversationOf = async (token: string) => {
        const history = await (await call("/conversation", { token })).json();
        const last = history.messages.at(-1).id as string;
        const list = await (await jsonCall(p, `/api/v1/conversations?app=${p.appId}&channel=widget`)).json();
        for (const c of list.data as { id: string }[]) {
          const detail = await (await jsonCall(p, `/api/v1/conversations/${c.id}`)).json();
          if (detail.messages.some((m: { id: string }) => m.id === last)) return detail;
        }
        throw new Error("no conversation holds the visitor's message");
      };

      it("stores an image told by its bytes and refuses a renamed program and an oversized file", {
        timeout: 60_000,
      }, async () => {
        const token = await visitor("ada@example.com");
        const stored = await upload(token, PNG, "../../holiday photo.PNG");
        expect(stored.status).toBe(201);
        expect(await stored.json()).toMatchObject({
          name: "holiday photo.png",
          contentType: "image/png",
          size: PNG.length,
        });

        const renamed = await upload(token, EXE, "photo.png");
        expect(renamed.status).toBe(415);
        expect(await renamed.json()).toMatchObject({ code: "unsupported_media_type" });

        const big = await upload(token, Buffer.concat([PNG, Buffer.alloc(5000)]), "big.png");
        expect(big.status).toBe(413);
        expect(await big.json()).toMatchObject({ code: "payload_too_large" });

        const anonymous = await upload("", PNG, "photo.png");
        expect(anonymous.status).toBe(401);
      });

      it("sends the file with the message, lets the team download it, and no other visitor attach it", {
        timeout: 60_000,
      }, async () => {
        const token = await visitor("grace@example.com");
        const file = await (await upload(token, PNG, "receipt.png")).json();
        const stranger = await visitor("mallory@example.com");
        const stolen = await call("/messages", {
          method: "POST",
          token: stranger,
          body: { id: "steal-0001", text: "mine now", attachments: [file.id] },
        });
        expect(stolen.status).toBe(400);

        const sent = await call("/messages", {
          method: "POST",
          token,
          body: { id: "with-file-1", text: "", attachments: [file.id] },
        });
        expect(sent.status).toBe(201);
        expect((await sent.json()).attachments).toEqual([file]);
        const again = await call("/messages", {
          method: "POST",
          token,
          body: { id: "with-file-1", text: "", attachments: [file.id] },
        });
        expect(again.status).toBe(201);

        const history = await (await call("/conversation", { token })).json();
        expect(history.messages[0].attachments).toEqual([file]);

        const detail = await conversationOf(token);
        const conversation = detail.id as string;
        const carried = detail.messages.flatMap((m: { attachments: { fileId?: string }[] }) => m.attachments);
        expect(carried).toContainEqual(expect.objectContaining({ fileId: file.id, contentType: "image/png" }));

        const download = await jsonCall(p, `/api/v1/conversations/${conversation}/files/${file.id}`);
        expect(download.status).toBe(200);
        expect(download.headers.get("content-type")).toBe("image/png");
        expect(download.headers.get("x-content-type-options")).toBe("nosniff");
        expect(download.headers.get("content-disposition")).toContain("receipt.png");
        expect(Buffer.from(await download.arrayBuffer())).toEqual(PNG);
        if (s3) expect(s3.objects.size).toBeGreaterThan(0);

        // Through another conversation (another visitor's) the file does not exist.
        await call("/messages", { method: "POST", token: stranger, body: { id: "stranger-01", text: "Hi" } });
        const other = (await conversationOf(stranger)).id;
        expect((await jsonCall(p, `/api/v1/conversations/${other}/files/${file.id}`)).status).toBe(404);
      });

      it("tells the visitor's stream that a person is typing in the dashboard", { timeout: 60_000 }, async () => {
        const token = await visitor("typing@example.com");
        await call("/messages", { method: "POST", token, body: { id: "typing-msg-1", text: "Hello?" } });
        const conversation = (await conversationOf(token)).id;
        const stream = await p.api.request(`/widget/v1/${p.appId}/events?session=${encodeURIComponent(token)}`, {
          headers: { origin: ORIGIN },
        });
        const frames = readFrames(stream, (f) => f.some((x) => x.event === "typing"));
        // The stream reads the conversation before it listens; signal until it has.
        const signal = setInterval(() => {
          void jsonCall(p, `/api/v1/conversations/${conversation}/typing`, { method: "POST" });
        }, 200);
        try {
          expect((await frames).find((f) => f.event === "typing")?.data).toEqual({ who: "person" });
        } finally {
          clearInterval(signal);
        }
        const missing = await jsonCall(p, "/api/v1/conversations/cnv_01HZZZZZZZZZZZZZZZZZZZZZZZ/typing", {
          method: "POST",
        });
        expect(missing.status).toBe(404);
      });

      it("erases the customer's files, sent and unsent, with the customer", { timeout: 60_000 }, async () => {
        const token = await visitor("erase-me@example.com");
        const sent = await (await upload(token, PNG, "id-card.png")).json();
        const kept = Buffer.concat([PNG, Buffer.from("second")]);
        const unsent = await (await upload(token, kept, "draft.png")).json();
        await call("/messages", {
          method: "POST",
          token,
          body: { id: "erase-msg-1", text: "my id", attachments: [sent.id] },
        });
        const mine = await conversationOf(token);
        const erased = await jsonCall(p, `/api/v1/contacts/${mine.contactId}`, { method: "DELETE" });
        expect(erased.status).toBe(200);
        expect((await erased.json()).erased.files).toBe(2);
        const rows = await p.runtime.database.db.q.select().from(p.runtime.database.db.t.storedFiles);
        expect(rows.filter((r) => r.id === sent.id || r.id === unsent.id)).toEqual([]);
        // Bytes only this customer sent are gone; the PNG other visitors sent too stays for them.
        const { store } = p.runtime.ports.files;
        expect(await store.get(fileKey(p.orgId, new Uint8Array(kept)))).toBeUndefined();
        expect(await store.get(fileKey(p.orgId, new Uint8Array(PNG)))).toBeDefined();
        if (s3) expect(s3.objects.has(fileKey(p.orgId, new Uint8Array(kept)))).toBe(false);
      });
    });
  }
}
