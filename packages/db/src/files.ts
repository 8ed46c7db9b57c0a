import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "./client.js";
import { newId } from "./ids.js";
import type { storedFiles } from "./schema/sqlite.js";

/** Stored files' rows (the bytes are in the file store). Every read and write takes the org id. */
export type StoredFile = typeof storedFiles.$inferSelect;

export async function insertStoredFile(db: Db, values: Omit<StoredFile, "id" | "createdAt">): Promise<StoredFile> {
  const row: StoredFile = { ...values, id: newId("storedFile"), createdAt: new Date() };
  await db.q.insert(db.t.storedFiles).values(row);
  return row;
}

export async function getStoredFile(db: Db, orgId: string, id: string): Promise<StoredFile | undefined> {
  const t = db.t.storedFiles;
  const rows = await db.q
    .select()
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.id, id)))
    .limit(1);
  return rows[0];
}

/** An uploader's files of one app not yet carried by a message, among `ids`. */
export async function findUnattachedFiles(
  db: Db,
  orgId: string,
  appId: string,
  uploader: string,
  ids: string[],
): Promise<StoredFile[]> {
  if (ids.length === 0) return [];
  const t = db.t.storedFiles;
  return db.q
    .select()
    .from(t)
    .where(
      and(eq(t.orgId, orgId), eq(t.appId, appId), eq(t.uploader, uploader), isNull(t.messageId), inArray(t.id, ids)),
    );
}

/** The files now belong to the message (and its conversation). */
export async function attachStoredFiles(
  db: Db,
  orgId: string,
  ids: string[],
  target: { conversationId: string; messageId: string },
): Promise<void> {
  if (ids.length === 0) return;
  const t = db.t.storedFiles;
  await db.q
    .update(t)
    .set(target)
    .where(and(eq(t.orgId, orgId), inArray(t.id, ids)));
}

/** Every file of these conversations (erasure), and the files of uploaders who never sent them. */
export async function findFilesOf(
  db: Db,
  orgId: string,
  conversationIds: string[],
  uploaders: string[] = [],
): Promise<StoredFile[]> {
  const t = db.t.storedFiles;
  const byConversation = conversationIds.length
    ? await db.q
        .select()
        .from(t)
        .where(and(eq(t.orgId, orgId), inArray(t.conversationId, conversationIds)))
    : [];
  const byUploader = uploaders.length
    ? await db.q
        .select()
        .from(t)
        .where(and(eq(t.orgId, orgId), inArray(t.uploader, uploaders)))
    : [];
  const all = new Map([...byConversation, ...byUploader].map((f) => [f.id, f]));
  return [...all.values()];
}

export async function deleteStoredFiles(db: Db, orgId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const t = db.t.storedFiles;
  await db.q.delete(t).where(and(eq(t.orgId, orgId), inArray(t.id, ids)));
}

/** Whether any row of the organization still names these bytes (two messages may carry the same file). */
export async function isStorageKeyUsed(db: Db, orgId: string, storageKey: string): Promise<boolean> {
  const t = db.t.storedFiles;
  const rows = await db.q
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.storageKey, storageKey)))
    .limit(1);
  return rows.length > 0;
}
