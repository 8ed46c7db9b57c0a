import type { WidgetFileView } from "@support/contract";
import { attachStoredFiles, findUnattachedFiles, type Message } from "@support/db";
import { storeCustomerFile } from "../files/store.js";
import { AppError } from "../service/errors.js";
import type { Platform } from "../service/ports.js";
import { takeWidgetLimit } from "./limits.js";
import type { WidgetVisitor } from "./session.js";

/** Who uploaded a widget file: only this visitor's next message can carry it. */
export const widgetUploader = (visitor: Pick<WidgetVisitor, "key">) => `widget:${visitor.key}`;

/**
 * A visitor's file, stored before the message that carries it (the widget shows a preview while
 * they type). It counts against the visitor's write budget like a message; its type is told by
 * its bytes and its size capped (`storeCustomerFile`).
 */
export async function uploadWidgetFile(
  platform: Platform,
  visitor: WidgetVisitor,
  input: { name: string | undefined; bytes: Uint8Array },
): Promise<WidgetFileView> {
  if (!visitor.email) throw new AppError("invalid_input", "email: give an email address before sending a file");
  takeWidgetLimit(platform, "visitor", visitor.app.id, visitor.key);
  const file = await storeCustomerFile(platform, {
    orgId: visitor.app.orgId,
    appId: visitor.app.id,
    uploader: widgetUploader(visitor),
    name: input.name,
    bytes: input.bytes,
  });
  return {
    id: file.id,
    name: file.name,
    contentType: file.contentType as WidgetFileView["contentType"],
    size: file.size,
  };
}

/** The visitor's uploaded files a message names, refused unless every one is theirs and not yet sent. */
export async function filesForMessage(platform: Platform, visitor: WidgetVisitor, ids: string[]) {
  const unique = [...new Set(ids)];
  const files = await findUnattachedFiles(
    platform.db,
    visitor.app.orgId,
    visitor.app.id,
    widgetUploader(visitor),
    unique,
  );
  if (files.length !== unique.length) throw new AppError("invalid_input", "attachments: no such uploaded file");
  return unique.map((id) => files.find((f) => f.id === id)).filter((f) => f !== undefined);
}

/** Links the files to the stored message, so the team can download them from the conversation. */
export async function attachToMessage(platform: Platform, visitor: WidgetVisitor, fileIds: string[], message: Message) {
  await attachStoredFiles(platform.db, visitor.app.orgId, fileIds, {
    conversationId: message.conversationId,
    messageId: message.id,
  });
}

/** The files a stored message carries, as the widget lists them. */
export function widgetFilesOf(message: Message): WidgetFileView[] {
  const attachments = Array.isArray(message.attachments) ? (message.attachments as Record<string, unknown>[]) : [];
  return attachments
    .filter((a) => typeof a.fileId === "string")
    .map((a) => ({
      id: a.fileId as string,
      name: String(a.name ?? "file"),
      contentType: a.contentType as WidgetFileView["contentType"],
      size: Number(a.size ?? 0),
    }));
}
