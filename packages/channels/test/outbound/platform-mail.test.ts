import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSmtpMailSender, parseSmtpUrl } from "../../src/index.js";

/** A real SMTP server on 127.0.0.1 that requires a login, as a production relay does. */
let server: SMTPServer;
let port: number;
const received: { from: string; to: string[]; user: string | undefined; raw: string }[] = [];

beforeAll(async () => {
  server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === "mailer" && auth.password === "p@ss word") return callback(null, { user: auth.username });
      return callback(new Error("Invalid login"));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          user: session.user as string | undefined,
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the platform's mail to people over SMTP", () => {
  it("reads SMTP_URL: credentials decoded, the port by scheme when absent", () => {
    expect(parseSmtpUrl("smtp://mailer:p%40ss%20word@mail.example.com:2525")).toEqual({
      host: "mail.example.com",
      port: 2525,
      secure: false,
      auth: { user: "mailer", pass: "p@ss word" },
    });
    expect(parseSmtpUrl("smtps://mail.example.com")).toMatchObject({ port: 465, secure: true, auth: undefined });
    expect(() => parseSmtpUrl("https://mail.example.com")).toThrow(/smtp/);
  });

  it("logs in and delivers one message from MAIL_FROM to the person", async () => {
    const send = createSmtpMailSender({
      smtp: parseSmtpUrl(`smtp://mailer:p%40ss%20word@127.0.0.1:${port}`),
      from: '"Support" <no-reply@support.test>',
    });
    await send({
      to: "ada@example.com",
      subject: "Réinitialiser votre mot de passe",
      text: "Ouvrez ce lien : https://x.test/r",
    });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ from: "no-reply@support.test", to: ["ada@example.com"], user: "mailer" });
    expect(received[0]?.raw).toMatch(/^Subject: =\?UTF-8\?/m);
  });

  it("throws when the server refuses the login, so the caller can log it", async () => {
    const send = createSmtpMailSender({
      smtp: parseSmtpUrl(`smtp://mailer:wrong@127.0.0.1:${port}`),
      from: "no-reply@support.test",
    });
    await expect(send({ to: "ada@example.com", subject: "x", text: "y" })).rejects.toThrow(/Invalid login/);
  });
});
