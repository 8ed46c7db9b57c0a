import { z } from "zod";

/**
 * What the generic webhook accepts. `id` is the sender's unique id for the message: the platform
 * de-duplicates on it, so a resend (or a retry) of the same message is a no-op.
 */
export const inboundMessageSchema = z.object({
  id: z.string().min(1).max(200).optional(),
  customer: z
    .object({
      email: z.email().optional(),
      phone: z.string().min(3).optional(),
      name: z.string().min(1).optional(),
      externalId: z.string().min(1).optional(),
    })
    .refine((c) => c.email !== undefined || c.phone !== undefined || c.externalId !== undefined, {
      message: "email, phone or externalId is required",
    }),
  conversation: z.object({ externalId: z.string().min(1), subject: z.string().optional() }).optional(),
  message: z.object({
    text: z.string().min(1),
    html: z.string().optional(),
    attachments: z
      .array(
        z.object({
          url: z.url(),
          filename: z.string().optional(),
          contentType: z.string().optional(),
          size: z.number().int().nonnegative().optional(),
        }),
      )
      .optional(),
  }),
});
export type InboundMessage = z.input<typeof inboundMessageSchema>;

export interface SentMessage {
  /** The id the platform de-duplicates on (the one given, or the one the client generated). */
  id: string;
  /** Whatever the webhook answered (the stored event's ids, a duplicate flag). */
  response: unknown;
}

/*
 * The REST resources are typed by the fields the SDK relies on; the API may send more, which
 * stay readable through the index signature rather than being dropped.
 */
export interface Conversation {
  id: string;
  appId: string;
  channel: string;
  status: string;
  subject?: string | null;
  createdAt: string;
  updatedAt: string;
  [field: string]: unknown;
}

/** An action a draft proposes (`DraftAction` in the API's OpenAPI document): it runs only when an approval names its id. */
export interface DraftAction {
  id: string;
  action: string;
  input: Record<string, unknown>;
  risk: "read" | "low_impact_write" | "approval_required";
  autoApprovable: boolean;
  /** What it does, to what and for how much, as the approver reads it. */
  reason: string;
  via: "stripe" | "app" | "recorded";
  /** Set once the draft is approved: whether the approval named it. */
  approved?: boolean;
}

export interface Draft {
  id: string;
  conversationId: string;
  status: string;
  text: string;
  actions: DraftAction[];
  createdAt: string;
  [field: string]: unknown;
}

/**
 * The body of `POST /api/v1/drafts/:id/approve`. `actions` is required here (the API requires it
 * only of drafts that propose some): the caller says what runs every time, `[]` for the reply alone.
 */
export interface ApproveDraftOptions {
  /** Ids of the draft's proposed actions to run (see `Draft.actions`). */
  actions: string[];
  /** Replaces the draft's text. */
  text?: string;
}

export interface KnowledgeHit {
  id: string;
  title?: string | null;
  text: string;
  score: number;
  [field: string]: unknown;
}

export interface ListConversationsParams {
  app?: string;
  channel?: string;
  status?: string;
  cursor?: string;
  limit?: number;
}

export interface ListDraftsParams {
  app?: string;
  status?: string;
  cursor?: string;
  limit?: number;
}

export interface SearchKnowledgeParams {
  app: string;
  q: string;
  k?: number;
}
