import type { ConversationView, DeliveryView } from "@support/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../lib/api.js";

/**
 * A person's reply, resend, takeover and release on one conversation; each refreshes the
 * conversation (its thread and deliveries) and its drafts, which a reply or a takeover withdraws.
 */
export function usePersonReply(conversationId: string) {
  const client = useQueryClient();
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ["conversation", conversationId] });
    void client.invalidateQueries({ queryKey: ["drafts"] });
  };
  const path = (action: string) => `/api/v1/conversations/${encodeURIComponent(conversationId)}/${action}`;
  const reply = useMutation({
    mutationFn: (body: { text: string; idempotencyKey: string }) =>
      api<DeliveryView>(path("replies"), { method: "POST", body }),
    onSuccess: refresh,
  });
  const resend = useMutation({
    mutationFn: (deliveryId: string) =>
      api<DeliveryView>(`/api/v1/deliveries/${encodeURIComponent(deliveryId)}/resend`, { method: "POST" }),
    onSuccess: refresh,
  });
  const takeover = useMutation({
    mutationFn: (take: boolean) => api<ConversationView>(path(take ? "takeover" : "release"), { method: "POST" }),
    onSuccess: refresh,
  });
  /** Tells the customer's widget a person is typing; a lost signal only means no indicator. */
  const typing = () => {
    api(path("typing"), { method: "POST" }).catch(() => undefined);
  };
  return { reply, resend, takeover, typing };
}
