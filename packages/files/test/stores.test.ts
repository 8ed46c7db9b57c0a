import { mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkKey, type FileStore, fileKey, localFileStore, s3FileStore } from "../src/index.js";
import { type FakeS3, startFakeS3 } from "./fake-s3.js";

const ORG = "org_01HZZZZZZZZZZZZZZZZZZZZZZZ";
const OTHER = "org_01HYYYYYYYYYYYYYYYYYYYYYYY";
const bytes = new TextEncoder().encode("%PDF-1.7 a small file");

/** What every store must do, whichever is configured. */
function behavesAsAStore(name: string, open: () => FileStore) {
  describe(`${name} store`, () => {
    it("stores, reads back and deletes a file by its content key", async () => {
      const store = open();
      const key = fileKey(ORG, bytes);
      await store.put(key, bytes, "application/pdf");
      expect(Buffer.from((await store.get(key)) ?? [])).toEqual(Buffer.from(bytes));
      await store.delete(key);
      expect(await store.get(key)).toBeUndefined();
      await store.delete(key);
    });

    it("keeps the same bytes of two organizations under two keys", async () => {
      const store = open();
      const mine = fileKey(ORG, bytes);
      const theirs = fileKey(OTHER, bytes);
      expect(mine).not.toBe(theirs);
      await store.put(mine, bytes, "application/pdf");
      await store.put(theirs, bytes, "application/pdf");
      await store.delete(mine);
      expect(await store.get(theirs)).toBeDefined();
    });

    it("refuses keys that are not <org id>/<sha-256>", async () => {
      const store = open();
      for (const key of ["../../etc/passwd", `${ORG}/../x`, `${ORG}/${"a".repeat(63)}`, `${ORG}/${"A".repeat(64)}`])
        await expect(store.get(key), key).rejects.toThrow("not a file key");
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), "files-"));
behavesAsAStore("embedded", () => localFileStore(dir));

describe("embedded store on disk", () => {
  it("writes private files under DATA_DIR/files/<org>/<xx>/<sha-256>", async () => {
    const store = localFileStore(dir);
    const key = fileKey(ORG, bytes);
    await store.put(key, bytes, "application/pdf");
    const digest = key.split("/")[1] as string;
    const path = join(dir, "files", ORG, digest.slice(0, 2), digest);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir, "files", ORG, digest.slice(0, 2)))).toEqual([digest]);
  });
});

describe("S3 adapter against a fake S3 server", () => {
  let s3: FakeS3;
  beforeAll(async () => {
    s3 = await startFakeS3();
  });
  afterAll(async () => s3.close());
  const open = () =>
    s3FileStore({
      bucket: s3.bucket,
      region: "auto",
      endpoint: s3.endpoint,
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
      forcePathStyle: true,
    });
  behavesAsAStore("s3", open);

  it("speaks path-style PUT, GET and DELETE with the content type, signed with the key", async () => {
    s3.requests.length = 0;
    const key = fileKey(ORG, bytes);
    await open().put(key, bytes, "application/pdf");
    expect(s3.objects.get(key)?.contentType).toBe("application/pdf");
    await open().get(key);
    await open().delete(key);
    expect(s3.requests).toEqual([
      { method: "PUT", path: `/${s3.bucket}/${key}` },
      { method: "GET", path: `/${s3.bucket}/${key}` },
      { method: "DELETE", path: `/${s3.bucket}/${key}` },
    ]);
  });

  it("fails loudly with the wrong credentials", async () => {
    const wrong = s3FileStore({
      bucket: s3.bucket,
      region: "auto",
      endpoint: s3.endpoint,
      accessKeyId: "AKIAWRONG",
      secretAccessKey: "wrong",
      forcePathStyle: true,
    });
    await expect(wrong.put(fileKey(ORG, bytes), bytes, "application/pdf")).rejects.toThrow();
  });
});

describe("keys", () => {
  it("are the org id and the sha-256 of the bytes", () => {
    expect(checkKey(fileKey(ORG, bytes))).toMatch(new RegExp(`^${ORG}/[0-9a-f]{64}$`));
  });
});
