import type { InboundAttachment } from "@support/channels";

/**
 * An attachment's link as a person in the dashboard will click it: only `http:` and `https:`
 * are kept. `javascript:`, `data:`, `file:`, `vbscript:` or an unparsable URL would run script
 * or reach the approver's machine, so ingest drops the link and keeps the rest of the attachment
 * (its name, type and size still tell the approver what was sent), marked `urlRefused`.
 */
export function safeAttachments(attachments: InboundAttachment[]): InboundAttachment[] {
  // Inline bytes belong in the file store (`storeReceivedFiles`), never in a message's JSON.
  return attachments.map(({ content: _bytes, ...attachment }) => {
    if (attachment.url === undefined) return attachment;
    let protocol = "";
    try {
      protocol = new URL(attachment.url.trim()).protocol;
    } catch {
      protocol = "";
    }
    if (protocol === "http:" || protocol === "https:") return attachment;
    const { url: _refused, ...rest } = attachment;
    return { ...rest, urlRefused: true } as InboundAttachment;
  });
}
