import {
  type App,
  type AppSettings,
  appSettings,
  type Contact,
  type Conversation,
  getApp,
  getContact,
  getConversation,
  listMessages,
  type Message,
} from "@support/db";
import type { ServiceContext } from "../service/context.js";
import { settingsForCustomer } from "../widget/config.js";

/** What one step of drafting produced, for replays and traces. */
export interface DraftStep {
  step: string;
  output: unknown;
}

/** No draft will be made, and why; `humanTookOver` means pending drafts of the conversation are withdrawn. */
export interface SkippedDraft {
  kind: "skipped";
  reason: string;
  steps: DraftStep[];
  humanTookOver?: boolean;
  /** Triage picked a category a live procedure answers: the message starts a run of that version. */
  procedure?: { id: string; key: string; category: string; language: string | null };
}

/** Everything drafting reads about the message before asking the model, once the guards passed. */
export interface DraftInputs {
  kind: "ready";
  conversation: Conversation;
  app: App;
  settings: AppSettings;
  /** The whole conversation, oldest first. */
  messages: Message[];
  message: Message;
  contact: Contact | undefined;
  steps: DraftStep[];
}

/** Why a conversation must be left to people right now, if it must. */
export function humanOwnsConversation(
  conversation: { assignee: string | null; status: string; takenOverBy?: string | null },
  messages: Message[],
  message: Message,
): string | null {
  if (conversation.takenOverBy) return `taken over by ${conversation.takenOverBy}`;
  if (conversation.assignee) return `assigned to ${conversation.assignee}`;
  if (conversation.status === "escalated") return "the conversation was handed to a person";
  const teammateReplied = messages.some(
    (m) =>
      m.direction === "outbound" && m.authorKind === "agent" && m.createdAt >= message.createdAt && m.id !== message.id,
  );
  return teammateReplied ? "a teammate replied after the customer's message" : null;
}

/** How long the app waits for a burst of customer messages to end before drafting (0 when the app is gone). */
export async function debounceSeconds(ctx: ServiceContext, appId: string): Promise<number> {
  const app = await getApp(ctx.db, ctx.org.id, appId);
  return app ? appSettings(app).debounceSeconds : 0;
}

/**
 * The first step of drafting: loads the conversation, the app and the message, and checks the
 * guards - the message is a customer's, the newest one, and no person owns the conversation.
 * Reads only, so a replay runs it as the workflow does.
 */
export async function loadDraftInputs(
  ctx: ServiceContext,
  input: { conversationId: string; messageId: string },
): Promise<DraftInputs | SkippedDraft> {
  const steps: DraftStep[] = [];
  const skip = (reason: string, humanTookOver = false): SkippedDraft => {
    steps.push({ step: "guard", output: { skipped: reason } });
    return { kind: "skipped", reason, steps, humanTookOver };
  };
  const orgId = ctx.org.id;
  const conversation = await getConversation(ctx.db, orgId, input.conversationId);
  if (!conversation) return skip("conversation not found");
  const app = await getApp(ctx.db, orgId, conversation.appId);
  if (!app) return skip("app not found");
  const messages = await listMessages(ctx.db, orgId, conversation.id);
  const message = messages.find((m) => m.id === input.messageId);
  if (!message) return skip("message not found");
  if (message.direction !== "inbound" || message.authorKind !== "customer") return skip("not a customer message");
  const humanReason = humanOwnsConversation(conversation, messages, message);
  if (humanReason) return skip(humanReason, true);
  const newer = messages.some(
    (m) => m.direction === "inbound" && m.authorKind === "customer" && m.createdAt > message.createdAt,
  );
  if (newer) return skip("a newer customer message will be answered instead");
  steps.push({ step: "guard", output: { passed: true } });
  const contact = await getContact(ctx.db, orgId, conversation.contactId);
  const settings = await settingsForCustomer(ctx, app, conversation, message, appSettings(app));
  return { kind: "ready", conversation, app, settings, messages, message, contact, steps };
}
