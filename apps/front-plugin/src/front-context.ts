import Front from "@frontapp/plugin-sdk";

/** What the sidebar needs of Front's context: who is looking, and at which conversation(s). */
export type FrontView =
  | { kind: "waiting" }
  | { kind: "none"; teammateEmail: string }
  | { kind: "single"; teammateEmail: string; conversationId: string; subject: string | undefined }
  | { kind: "several"; teammateEmail: string; count: number }
  | { kind: "other"; teammateEmail: string };

interface ContextLike {
  type: string;
  teammate?: { email?: string };
  conversation?: { id: string; subject?: string };
  conversations?: ReadonlyArray<unknown>;
}

export function viewOf(context: ContextLike): FrontView {
  const teammateEmail = context.teammate?.email ?? "";
  switch (context.type) {
    case "noConversation":
      return { kind: "none", teammateEmail };
    case "singleConversation":
      return context.conversation
        ? {
            kind: "single",
            teammateEmail,
            conversationId: context.conversation.id,
            subject: context.conversation.subject,
          }
        : { kind: "none", teammateEmail };
    case "multiConversations":
      return { kind: "several", teammateEmail, count: context.conversations?.length ?? 0 };
    default:
      return { kind: "other", teammateEmail };
  }
}

/** Follows the SDK's context updates (the handshake with Front happens when the SDK loads). */
export function onFrontContext(listener: (view: FrontView) => void): () => void {
  const subscription = Front.contextUpdates.subscribe((context) => listener(viewOf(context as ContextLike)));
  return () => subscription.unsubscribe();
}
