import type { ReplayView } from "@support/contract";
import type { Output } from "../output.js";
import type { RemoteApi } from "../remote.js";

/** Replays a conversation on the local DATA_DIR or on a server (`POST /api/v1/conversations/{id}/replay`). */
export type ReplayBackend = (conversationId: string) => Promise<ReplayView>;

export function remoteReplay(api: RemoteApi): ReplayBackend {
  return (id) => api.request<ReplayView>("POST", `/api/v1/conversations/${encodeURIComponent(id)}/replay`);
}

/** `skill replay <conversation>`: the drafting steps for the latest customer message, nothing stored or sent. */
export async function replayCommand(replay: ReplayBackend, out: Output, conversationId: string) {
  const result = await replay(conversationId);
  out.result(result, () => [
    `Replay of ${conversationId} (message ${result.messageId}): ${result.outcome === "skipped" ? `skipped: ${result.reason}` : `would be ${result.status}`}`,
    ...result.steps.map((s) => `\n## ${s.step}\n${JSON.stringify(s.output, null, 2)}`),
  ]);
}
