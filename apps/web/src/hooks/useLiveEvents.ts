import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";

const EVENTS = [
  "message.received",
  "conversation.updated",
  "draft.created",
  "approval.requested",
  "draft.approved",
  "draft.rejected",
  "conversation.escalated",
  "reply.sent",
  "reply.failed",
  "notification.created",
];

/**
 * Subscribes to GET /api/v1/events (server-sent events) for the active organization and
 * refetches the data an event changes; EventSource reconnects by itself after a drop.
 */
export function useLiveEvents(orgId: string | null): "connecting" | "live" | "offline" {
  const client = useQueryClient();
  const [state, setState] = useState<"connecting" | "live" | "offline">("connecting");
  useEffect(() => {
    if (!orgId) return;
    const source = new EventSource("/api/v1/events");
    source.addEventListener("ready", () => setState("live"));
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? "offline" : "connecting");
    const refresh = (event: MessageEvent<string>) => {
      const data = JSON.parse(event.data) as { draftId?: string; conversationId?: string };
      void client.invalidateQueries({ queryKey: ["drafts"] });
      if (data.draftId) void client.invalidateQueries({ queryKey: ["draft", data.draftId] });
      if (data.conversationId) void client.invalidateQueries({ queryKey: ["conversation", data.conversationId] });
      void client.invalidateQueries({ queryKey: ["conversations"] });
      void client.invalidateQueries({ queryKey: ["outbox"] });
      void client.invalidateQueries({ queryKey: ["audit"] });
      void client.invalidateQueries({ queryKey: ["notifications"] });
    };
    for (const name of EVENTS) source.addEventListener(name, refresh);
    return () => source.close();
  }, [orgId, client]);
  return state;
}
