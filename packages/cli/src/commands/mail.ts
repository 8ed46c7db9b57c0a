import { operatorMail, operatorMailbox } from "@support/core";
import type { Product } from "@support/product";
import type { Invocation } from "../args.js";
import { CliError, type Output } from "../output.js";

/** `skill mail list [--to <address>] [--limit n]` and `skill mail show <id>`: the embedded mailbox (local only). */
export async function mailCommand(runtime: Product, inv: Invocation, out: Output) {
  const { sub, values } = inv;
  if (sub === "list") {
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200)
      throw new CliError("--limit is a whole number from 1 to 200");
    const mails = await operatorMailbox(runtime.platform, { limit, to: values.to });
    return out.result(mails, () =>
      mails.data.length === 0
        ? ["No mails."]
        : mails.data.map((m) => [m.id, m.createdAt, m.kind.padEnd(14), m.recipient, m.subject].join("  ")),
    );
  }
  if (sub === "show") {
    const id = inv.arg;
    if (!id) throw new CliError("usage: skill mail show <id>");
    const mail = await operatorMail(runtime.platform, id);
    return out.result(mail, () => [
      `From the embedded mailbox, ${mail.createdAt} (${mail.kind})`,
      `To: ${mail.recipient}`,
      `Subject: ${mail.subject}`,
      "",
      mail.text,
    ]);
  }
  throw new CliError("usage: skill mail list [--to <address>] [--limit n] | skill mail show <id>");
}
