import { useQuery } from "@tanstack/react-query";
import { api, query } from "../lib/api.js";
import type {
  Attention,
  AuditEntry,
  ChannelView,
  Conversation,
  ConversationDetail,
  Draft,
  Page,
  SandboxMessage,
  SlackView,
  SupportApp,
} from "../lib/types.js";

/** The REST reads the pages share; query keys are what live events invalidate. */
export const useApps = () => useQuery({ queryKey: ["apps"], queryFn: () => api<Page<SupportApp>>("/api/v1/apps") });

export const useDrafts = () =>
  useQuery({ queryKey: ["drafts"], queryFn: () => api<Page<Draft>>("/api/v1/drafts?limit=100") });

export const useDraft = (id: string) =>
  useQuery({ queryKey: ["draft", id], queryFn: () => api<Draft>(`/api/v1/drafts/${encodeURIComponent(id)}`) });

/** The drafts of one conversation, newest first; under ["drafts"] so every draft event refreshes them. */
export const useConversationDrafts = (id: string) =>
  useQuery({
    queryKey: ["drafts", "conversation", id],
    queryFn: () => api<Page<Draft>>(`/api/v1/drafts${query({ conversation: id, limit: "100" })}`),
  });

export const useConversations = () =>
  useQuery({ queryKey: ["conversations"], queryFn: () => api<Page<Conversation>>("/api/v1/conversations?limit=100") });

export const useConversation = (id: string | undefined) =>
  useQuery({
    queryKey: ["conversation", id],
    queryFn: () => api<ConversationDetail>(`/api/v1/conversations/${encodeURIComponent(id ?? "")}`),
    enabled: Boolean(id),
  });

export const useChannels = (app: string) =>
  useQuery({
    queryKey: ["channels", app],
    queryFn: () => api<{ data: ChannelView[] }>(`/api/v1/apps/${encodeURIComponent(app)}/channels`),
  });

export const useOutbox = (app: string | undefined, channel?: string) =>
  useQuery({
    queryKey: ["outbox", app, channel],
    queryFn: () => api<Page<SandboxMessage>>(`/api/v1/outbox${query({ app, channel, limit: "100" })}`),
    enabled: Boolean(app),
  });

export const useAudit = (enabled = true) =>
  useQuery({ queryKey: ["audit"], queryFn: () => api<Page<AuditEntry>>("/api/v1/audit?limit=100"), enabled });

/** What needs a person (GET /api/v1/notifications); `notification.created` events refresh it. */
export const useNotifications = () =>
  useQuery({ queryKey: ["notifications"], queryFn: () => api<{ data: Attention[] }>("/api/v1/notifications") });

export const useSlack = () => useQuery({ queryKey: ["slack"], queryFn: () => api<SlackView>("/api/v1/slack") });
