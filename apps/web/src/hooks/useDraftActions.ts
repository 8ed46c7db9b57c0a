import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../lib/api.js";
import type { Draft, Page } from "../lib/types.js";

/** Approve (optionally with edited text), reject with a reason, escalate; refreshes on success. */
export function useDraftActions() {
  const client = useQueryClient();
  const done = (draft: Draft) => {
    client.setQueryData(["draft", draft.id], draft);
    // The list shows the decision at once, even before its refetch lands.
    client.setQueryData<Page<Draft>>(["drafts"], (page) =>
      page ? { ...page, data: page.data.map((d) => (d.id === draft.id ? draft : d)) } : page,
    );
    void client.invalidateQueries({ queryKey: ["drafts"] });
    void client.invalidateQueries({ queryKey: ["audit"] });
  };
  const path = (id: string, action: string) => `/api/v1/drafts/${encodeURIComponent(id)}/${action}`;
  const approve = useMutation({
    mutationFn: ({ id, text, actions }: { id: string; text?: string; actions?: string[] }) =>
      api<Draft>(path(id, "approve"), { method: "POST", body: { text, actions } }),
    onSuccess: done,
  });
  const reject = useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api<Draft>(path(id, "reject"), { method: "POST", body: { reason } }),
    onSuccess: done,
  });
  const escalate = useMutation({
    mutationFn: ({ id }: { id: string }) => api<Draft>(path(id, "escalate"), { method: "POST" }),
    onSuccess: done,
  });
  return { approve, reject, escalate };
}
