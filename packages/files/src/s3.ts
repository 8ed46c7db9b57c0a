import type { S3Client } from "@aws-sdk/client-s3";
import { checkKey, type FileStore } from "./port.js";

/** An S3-compatible bucket: AWS S3, Cloudflare R2 (`https://<account>.r2.cloudflarestorage.com`, region `auto`), MinIO. */
export interface S3Settings {
  bucket: string;
  region: string;
  /** Unset: AWS's own endpoint for the region. */
  endpoint?: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `https://endpoint/bucket/key` rather than `https://bucket.endpoint/key` (R2 and MinIO accept both; a local endpoint needs it). */
  forcePathStyle: boolean;
}

/**
 * Files in an S3-compatible bucket through the official SDK (`@aws-sdk/client-s3`), loaded on
 * the first call (ADR 0151): a product that never stores a file never pays for the import.
 */
export function s3FileStore(settings: S3Settings): FileStore {
  let loaded: Promise<{ client: S3Client; sdk: typeof import("@aws-sdk/client-s3") }> | undefined;
  const load = () =>
    (loaded ??= import("@aws-sdk/client-s3").then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        region: settings.region,
        endpoint: settings.endpoint,
        forcePathStyle: settings.forcePathStyle,
        credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
        // Checksums on every request are AWS-only; R2 and other S3-compatible stores refuse some of them.
        requestChecksumCalculation: "WHEN_REQUIRED",
        responseChecksumValidation: "WHEN_REQUIRED",
      }),
    })));
  return {
    kind: "s3",
    async put(key, bytes, contentType) {
      const { client, sdk } = await load();
      await client.send(
        new sdk.PutObjectCommand({
          Bucket: settings.bucket,
          Key: checkKey(key),
          Body: bytes,
          ContentType: contentType,
        }),
      );
    },
    async get(key) {
      const { client, sdk } = await load();
      try {
        const out = await client.send(new sdk.GetObjectCommand({ Bucket: settings.bucket, Key: checkKey(key) }));
        return out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
      } catch (error) {
        if (error instanceof sdk.NoSuchKey || (error as { name?: string }).name === "NotFound") return undefined;
        throw error;
      }
    },
    async delete(key) {
      const { client, sdk } = await load();
      await client.send(new sdk.DeleteObjectCommand({ Bucket: settings.bucket, Key: checkKey(key) }));
    },
  };
}
