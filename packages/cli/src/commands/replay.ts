import { pipelineDeps, replayConversation } from "@support/core";
import type { Product } from "@support/product";
import { CliError, type Output } from "../output.js";
import { resolveOrg } from "./org.js";

/** `skill replay <conversation>`: the pipeline's steps for the latest customer message, nothing stored or sent. */
export async function replayCommand(runtime: Product, out: Output, opts: { org?: string; conversation?: string }) {
  if (!opts.conversation) throw new CliError("replay needs the conversation id");
  const org = await resolveOrg(runtime, opts.org);
  const deps = pipelineDeps(runtime.platform);
  const { messageId, plan } = await replayConversation(deps, org.id, opts.conversation);
  const result = { conversationId: opts.conversation, messageId, outcome: plan.kind, steps: plan.steps };
  out.result(result, () => [
    `Replay of ${opts.conversation} (message ${messageId}): ${plan.kind === "skipped" ? `skipped: ${plan.reason}` : `would be ${plan.values.status}`}`,
    ...plan.steps.map((s) => `\n## ${s.step}\n${JSON.stringify(s.output, null, 2)}`),
  ]);
}
