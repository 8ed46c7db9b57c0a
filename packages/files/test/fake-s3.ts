import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A fake S3 endpoint on 127.0.0.1 speaking the wire format the SDK uses, path-style
 * (`/<bucket>/<key>`): PutObject, GetObject (NoSuchKey as S3's XML error) and DeleteObject. It
 * refuses requests not signed with SigV4 under the expected access key, and records each request.
 */
export interface FakeS3 {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  objects: Map<string, { bytes: Buffer; contentType: string | undefined }>;
  requests: { method: string; path: string }[];
  close(): Promise<void>;
}

function body(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

const xmlError = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;

export async function startFakeS3(bucket = "support-files"): Promise<FakeS3> {
  const accessKeyId = "AKIAFAKES3TEST";
  const secretAccessKey = "fake-s3-secret";
  const objects: FakeS3["objects"] = new Map();
  const requests: FakeS3["requests"] = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    requests.push({ method: req.method ?? "", path: url.pathname });
    const auth = req.headers.authorization ?? "";
    if (!auth.startsWith(`AWS4-HMAC-SHA256 Credential=${accessKeyId}/`) || !auth.includes("Signature=")) {
      res.writeHead(403, { "content-type": "application/xml" });
      res.end(xmlError("AccessDenied", "not signed with the expected key"));
      return;
    }
    const prefix = `/${bucket}/`;
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404, { "content-type": "application/xml" });
      res.end(xmlError("NoSuchBucket", "path-style requests name the bucket first"));
      return;
    }
    const key = decodeURIComponent(url.pathname.slice(prefix.length));
    if (req.method === "PUT") {
      objects.set(key, { bytes: await body(req), contentType: req.headers["content-type"] });
      res.writeHead(200, { etag: '"fake"' });
      res.end();
      return;
    }
    if (req.method === "GET") {
      const found = objects.get(key);
      if (!found) {
        res.writeHead(404, { "content-type": "application/xml" });
        res.end(xmlError("NoSuchKey", "The specified key does not exist."));
        return;
      }
      res.writeHead(200, {
        "content-type": found.contentType ?? "application/octet-stream",
        "content-length": found.bytes.length,
      });
      res.end(found.bytes);
      return;
    }
    if (req.method === "DELETE") {
      objects.delete(key);
      res.writeHead(204);
      res.end();
      return;
    }
    res.writeHead(405);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    accessKeyId,
    secretAccessKey,
    objects,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
