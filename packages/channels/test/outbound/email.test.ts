import { type AddressInfo, createServer, type Socket } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createEmailReplyAdapter,
  createWebFormReplyAdapter,
  DeliveryError,
  type EmailReplyConfig,
  type ReplyTarget,
} from "../../src/index.js";
import { target } from "./fake-vendor.js";

interface ReceivedMail {
  from: string;
  to: string[];
  headers: Map<string, string>;
  body: string;
}

/** A real SMTP server on 127.0.0.1; `rejections` answers the next DATA commands with these replies. */
let server: SMTPServer;
let port: number;
let received: ReceivedMail[];
let rejections: { code: number; text: string }[];
/** When set, DATA is never answered: the message may or may not have been accepted. */
let stallData = false;

beforeEach(async () => {
  received = [];
  rejections = [];
  stallData = false;
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (stallData) return;
        const rejection = rejections.shift();
        if (rejection) {
          const error = Object.assign(new Error(rejection.text), { responseCode: rejection.code });
          return callback(error);
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        const split = raw.indexOf("\r\n\r\n");
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          headers: parseHeaders(raw.slice(0, split)),
          body: raw.slice(split + 4),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  port = (server.server.address() as AddressInfo).port;
});
afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

const config = (): EmailReplyConfig => ({
  smtp: { host: "127.0.0.1", port },
  from: '"Acme Support" <support@acme.test>',
  retry: { baseDelayMs: 1, maxDelayMs: 1, timeoutMs: 2_000 },
});

const thread: ReplyTarget = {
  ...target,
  channel: "email",
  externalId: "<root@mail.example.com>",
  email: { lastMessageId: "<second@mail.example.com>", references: ["<root@mail.example.com>"] },
};

describe("email reply adapter (SMTP)", () => {
  it("threads the reply under the customer's last message", async () => {
    const adapter = createEmailReplyAdapter(config());
    const delivery = await adapter.sendReply(
      thread,
      { text: "It shipped today.", html: "<p>It shipped today.</p>" },
      { idempotencyKey: "k1" },
    );
    expect(received).toHaveLength(1);
    const mail = received[0] as ReceivedMail;
    expect(mail.from).toBe("support@acme.test");
    expect(mail.to).toEqual(["ada@example.com"]);
    expect(mail.headers.get("in-reply-to")).toBe("<second@mail.example.com>");
    expect(mail.headers.get("references")).toBe("<root@mail.example.com> <second@mail.example.com>");
    expect(mail.headers.get("subject")).toBe("Re: Where is my order?");
    expect(mail.headers.get("to")).toBe("Ada Lovelace <ada@example.com>");
    expect(mail.headers.get("message-id")).toBe(delivery.vendorMessageId);
    expect(delivery.vendorMessageId).toMatch(/^<[0-9a-f]{32}@acme\.test>$/);
    expect(mail.body).toContain("It shipped today.");
    expect(delivery).toMatchObject({ status: "sent", attempts: 1, sandbox: false });
  });

  it("gives a resend of the same reply the same Message-ID, and a different reply another", async () => {
    const adapter = createEmailReplyAdapter(config());
    const a = await adapter.sendReply(thread, { text: "x" }, { idempotencyKey: "same" });
    const b = await adapter.sendReply(thread, { text: "x" }, { idempotencyKey: "same" });
    const c = await adapter.sendReply(thread, { text: "x" }, { idempotencyKey: "other" });
    expect(a.vendorMessageId).toBe(b.vendorMessageId);
    expect(c.vendorMessageId).not.toBe(a.vendorMessageId);
  });

  it("retries a transient 451 and the message is accepted once", async () => {
    rejections.push({ code: 451, text: "Temporary local problem" });
    const adapter = createEmailReplyAdapter(config());
    const delivery = await adapter.sendReply(thread, { text: "x" }, { idempotencyKey: "k2" });
    expect(delivery.attempts).toBe(2);
    expect(received).toHaveLength(1);
  });

  it("does not retry a permanent 550", async () => {
    rejections.push({ code: 550, text: "Mailbox unavailable" }, { code: 550, text: "Mailbox unavailable" });
    const adapter = createEmailReplyAdapter(config());
    const error = await adapter.sendReply(thread, { text: "x" }, { idempotencyKey: "k3" }).catch((e) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ code: "vendor_rejected", retriable: false, attempts: 1, status: 550 });
    expect(rejections).toHaveLength(1);
  });

  it("answers a web-form message by email, starting a thread when there is none", async () => {
    const adapter = createWebFormReplyAdapter(config());
    expect(adapter.channel).toBe("web");
    const form: ReplyTarget = { ...target, channel: "web", externalId: "form-1", subject: "Re: Billing" };
    await adapter.sendReply(form, { text: "Hello" }, { idempotencyKey: "k4" });
    const mail = received[0] as ReceivedMail;
    expect(mail.headers.get("subject")).toBe("Re: Billing");
    expect(mail.headers.has("in-reply-to")).toBe(false);
    expect(mail.headers.has("references")).toBe(false);
  });

  it("needs an email address", async () => {
    const adapter = createEmailReplyAdapter(config());
    const noEmail = { ...thread, contact: { phone: "+1" } };
    await expect(adapter.sendReply(noEmail, { text: "x" }, { idempotencyKey: "k5" })).rejects.toMatchObject({
      code: "missing_recipient",
    });
  });

  it("retries a server that never sends its greeting, then gives up", async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const adapter = createEmailReplyAdapter({
      ...config(),
      smtp: { host: "127.0.0.1", port: (silent.address() as AddressInfo).port },
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1, timeoutMs: 300 },
    });
    const error = await adapter.sendReply(thread, { text: "x" }, { idempotencyKey: "k6" }).catch((e) => e);
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
    expect(error).toMatchObject({ code: "retries_exhausted", retriable: true, attempts: 2 });
    expect(sockets).toHaveLength(2);
  });

  it("does not retry when the server stalls after the message was handed over", async () => {
    stallData = true;
    const adapter = createEmailReplyAdapter({ ...config(), retry: { baseDelayMs: 1, maxDelayMs: 1, timeoutMs: 300 } });
    const error = await adapter.sendReply(thread, { text: "x" }, { idempotencyKey: "k7" }).catch((e) => e);
    expect(error).toMatchObject({ code: "timed_out", retriable: false, attempts: 1 });
  });
});
