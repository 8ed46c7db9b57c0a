import type { NormalizedDelivery } from "@support/channels";
import { type App, attachStoredFiles, findMessagesByExternalId, type StoredFile } from "@support/db";
import { attachmentOf, deleteCustomerFiles, storeCustomerFile } from "../files/store.js";
import { AppError } from "../service/errors.js";
import type { Platform } from "../service/ports.js";

/**
 * Attachments whose bytes came inside the payload (an inbound email's base64 `content`) are
 * stored before the delivery is (ADR 0141): the message then carries `{fileId, name,
 * contentType, size}` like a widget upload, so procedures and the team see real files. A file
 * of a refused type or too large is kept as its name with `refused`, never its bytes.
 */
export async function storeReceivedFiles(platform: Platform, app: App, delivery: NormalizedDelivery) {
  const files: StoredFile[] = [];
  for (const message of delivery.messages) {
    const stored = [];
    for (const attachment of message.attachments) {
      const { content, ...rest } = attachment;
      if (content === undefined) {
        stored.push(rest);
        continue;
      }
      try {
        const file = await storeCustomerFile(platform, {
          orgId: app.orgId,
          appId: app.id,
          uploader: "email",
          name: attachment.name,
          bytes: new Uint8Array(Buffer.from(content, "base64")),
        });
        files.push(file);
        stored.push(attachmentOf(file));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        stored.push({ ...rest, refused: error.code });
      }
    }
    message.attachments = stored;
  }
  return files;
}

/**
 * After ingest: the stored files belong to the messages that carry them (the team downloads them
 * there). A redelivery stored nothing new: its rows go (the first delivery's bytes stay).
 */
export async function attachReceivedFiles(
  platform: Platform,
  app: App,
  delivery: NormalizedDelivery,
  files: StoredFile[],
  duplicate: boolean,
) {
  if (duplicate) {
    await deleteCustomerFiles(platform, app.orgId, files);
    return;
  }
  for (const message of delivery.messages) {
    const ids = message.attachments.map((a) => a.fileId).filter((id): id is string => Boolean(id));
    if (ids.length === 0) continue;
    const [stored] = (await findMessagesByExternalId(platform.db, app.orgId, message.externalId)).filter((m) =>
      JSON.stringify(m.attachments ?? []).includes(ids[0] as string),
    );
    if (stored) {
      await attachStoredFiles(platform.db, app.orgId, ids, {
        conversationId: stored.conversationId,
        messageId: stored.id,
      });
    }
  }
}
