import { type Db, deleteStoredFiles, insertStoredFile, isStorageKeyUsed, type StoredFile } from "@support/db";
import { EXTENSIONS, fileKey, type SniffedType, sniffType } from "@support/files";
import { AppError } from "../service/errors.js";
import type { Platform } from "../service/ports.js";

/** What a message's `attachments` holds for a stored file: enough to list and fetch it, no bytes. */
export interface StoredAttachment {
  fileId: string;
  name: string;
  contentType: SniffedType;
  size: number;
}

/**
 * A file name as people will see it and as it goes into `Content-Disposition`: no directories,
 * no control or quoting characters, at most 120 characters, and the extension of what the bytes
 * are (a `.exe` renamed `.png` keeps its sniffed type; the name follows the type, not the reverse).
 */
export function safeFileName(name: string | undefined, type: SniffedType): string {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  const cleaned = [...base]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f && !`"<>|:*?`.includes(ch))
    .join("")
    .trim()
    .slice(0, 120);
  const extension = EXTENSIONS[type];
  const stem = cleaned.replace(/\.[^.]*$/, "") || "file";
  return `${stem}.${extension}`;
}

/**
 * Stores a customer's file: its type told by its first bytes (PNG, JPEG, GIF, WebP or PDF, else
 * 415), its size within the configured cap (else 413), its bytes in the file store under
 * `<org>/<sha-256>`, and a row saying whose it is. The bytes are written before the row: a row
 * never names missing bytes; a crash between leaves unnamed bytes, which no one can reach.
 */
export async function storeCustomerFile(
  platform: Platform,
  input: {
    orgId: string;
    appId: string;
    uploader: string;
    name: string | undefined;
    bytes: Uint8Array;
    conversationId?: string;
    messageId?: string;
  },
  db: Db = platform.db,
): Promise<StoredFile> {
  const { files } = platform.ports;
  if (input.bytes.length > files.maxBytes) {
    throw new AppError("payload_too_large", `A file may be ${Math.floor(files.maxBytes / 1024 / 1024)} MB at most.`, {
      maxBytes: files.maxBytes,
    });
  }
  if (input.bytes.length === 0) throw new AppError("invalid_input", "file: the file is empty");
  const type = sniffType(input.bytes);
  if (!type) {
    platform.ports.counters.increment("files_refused_total", { reason: "type" });
    throw new AppError("unsupported_media_type", "Only images (PNG, JPEG, GIF, WebP) and PDF files can be sent.");
  }
  const key = fileKey(input.orgId, input.bytes);
  await files.store.put(key, input.bytes, type);
  platform.ports.counters.increment("files_stored_total", { store: files.store.kind });
  return insertStoredFile(db, {
    orgId: input.orgId,
    appId: input.appId,
    conversationId: input.conversationId ?? null,
    messageId: input.messageId ?? null,
    uploader: input.uploader.slice(0, 100),
    storageKey: key,
    name: safeFileName(input.name, type),
    contentType: type,
    size: input.bytes.length,
  });
}

export function attachmentOf(file: StoredFile): StoredAttachment {
  return { fileId: file.id, name: file.name, contentType: file.contentType as SniffedType, size: file.size };
}

/**
 * Deletes these rows, then the bytes no other row of the organization names any more (the same
 * file sent in two conversations is stored once). Called after the erasure's transaction: a
 * failure there leaves rows and bytes both in place, never a row without its bytes.
 */
export async function deleteCustomerFiles(platform: Platform, orgId: string, files: StoredFile[]): Promise<number> {
  await deleteStoredFiles(
    platform.db,
    orgId,
    files.map((f) => f.id),
  );
  let deleted = 0;
  for (const key of new Set(files.map((f) => f.storageKey))) {
    if (await isStorageKeyUsed(platform.db, orgId, key)) continue;
    await platform.ports.files.store.delete(key);
    deleted += 1;
  }
  return deleted;
}
