import { eraseCustomer, exportCustomer } from "@support/core";
import type { Product } from "@support/product";
import { CliError, type Output } from "../output.js";
import { localContext } from "./org.js";

/**
 * `skill contacts export|erase <email|phone|id>`: a customer's data as JSON (always JSON: it is
 * the export), or erased everywhere with the counts of what went.
 */
export async function contactsCommand(
  runtime: Product,
  out: Output,
  opts: { org?: string; sub?: string; ref?: string },
) {
  if (!opts.ref) throw new CliError(`contacts ${opts.sub ?? "export"} needs the customer's email, phone or contact id`);
  const ctx = await localContext(runtime, opts.org);
  if (opts.sub === "export") {
    const exported = await exportCustomer(ctx, opts.ref);
    return out.result(exported, () => [JSON.stringify(exported, null, 2)]);
  }
  if (opts.sub === "erase") {
    const { erased } = await eraseCustomer(ctx, opts.ref);
    return out.result({ erased }, () => [
      `Erased ${erased.contacts} contact(s), ${erased.conversations} conversation(s), ${erased.messages} message(s), ${erased.drafts} draft(s), ${erased.deliveries} delivery(ies), ${erased.learnedKnowledge} learned source(s), ${erased.files} file(s) and the steps of ${erased.workflowRuns} workflow run(s).`,
    ]);
  }
  throw new CliError("contacts takes export or erase");
}
