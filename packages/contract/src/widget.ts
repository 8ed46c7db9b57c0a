import { z } from "@hono/zod-openapi";

/**
 * The embeddable chat widget: its public routes (`/widget/v1/{app}/…`, called from the host page
 * with a visitor's session token) and the admin routes that set it up.
 */
/** The app's autonomy tiers (`autonomyTier`), chosen per customer by their plan. */
export const WIDGET_TIERS = ["suggest", "one_click", "auto_send"] as const;
export type WidgetTier = (typeof WIDGET_TIERS)[number];

export const widgetAppParam = z.object({ app: z.string().min(1).max(100).openapi({ description: "App id" }) });

export const widgetSessionBody = z
  .object({
    identity: z
      .string()
      .min(1)
      .max(2048)
      .optional()
      .openapi({ description: "The product's signed identity (`signWidgetIdentity` of @support/sdk)" }),
    session: z
      .string()
      .min(1)
      .max(2048)
      .optional()
      .openapi({ description: "An anonymous visitor's earlier session token: the same conversation again" }),
    email: z.string().trim().toLowerCase().email().max(320).optional(),
    name: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .openapi("WidgetSessionRequest");

export const widgetSessionSchema = z
  .object({
    token: z.string().openapi({ description: "Send as `Authorization: Bearer …` (or `?session=` on the stream)" }),
    visitor: z.object({
      kind: z.enum(["anonymous", "identified"]),
      email: z.string().nullable(),
      name: z.string().nullable(),
    }),
    emailRequired: z.boolean().openapi({ description: "An anonymous visitor gives an email before writing" }),
    tier: z.enum(WIDGET_TIERS),
    responseTime: z.string().nullable(),
    expiresAt: z.string(),
    maxFileBytes: z.number().int().openapi({ description: "The most one attached file may weigh" }),
  })
  .openapi("WidgetSession");

export const widgetMessageBody = z
  .object({
    id: z
      .string()
      .regex(/^[\w-]{8,64}$/)
      .openapi({ description: "Chosen by the widget for this message: sending it again stores it once" }),
    text: z.string().trim().max(5000).default(""),
    attachments: z
      .array(z.string().regex(/^fil_[0-9A-Z]{26}$/))
      .max(5)
      .optional()
      .openapi({ description: "Files this visitor uploaded (`POST …/files`) that the message carries, five at most" }),
  })
  .strict()
  .refine((m) => m.text.length > 0 || (m.attachments?.length ?? 0) > 0, {
    message: "a message needs text or an attachment",
    path: ["text"],
  })
  .openapi("WidgetMessageRequest");

/** A file the visitor sent, as the widget lists it (the bytes stay with the team). */
export const widgetFileSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    contentType: z.enum(["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf"]),
    size: z.number().int(),
  })
  .openapi("WidgetFile");

export const widgetUploadForm = z.object({
  file: z.instanceof(File).openapi({
    type: "string",
    format: "binary",
    description: "An image (PNG, JPEG, GIF, WebP) or a PDF, told by its bytes; 10 MB at most unless configured",
  }),
});

export const widgetMessageSchema = z
  .object({
    id: z.string(),
    from: z.enum(["visitor", "ai", "person"]),
    authorName: z.string().nullable(),
    text: z.string(),
    createdAt: z.string(),
    rating: z.enum(["up", "down"]).nullable(),
    attachments: z.array(widgetFileSchema),
  })
  .openapi("WidgetMessage");

export const widgetConversationSchema = z
  .object({
    messages: z.array(widgetMessageSchema),
    state: z.enum(["none", "open", "waiting_for_person", "closed"]),
  })
  .openapi("WidgetConversation");

export const widgetSuggestQuery = z.object({ q: z.string().trim().min(3).max(500) });

export const widgetSuggestionSchema = z
  .object({
    sourceId: z.string(),
    title: z.string(),
    url: z.string().nullable(),
    excerpt: z.string(),
  })
  .openapi("WidgetSuggestion");

export const widgetSuggestionsSchema = z.object({ data: z.array(widgetSuggestionSchema) }).openapi("WidgetSuggestions");

export const widgetDeflectBody = z
  .object({ question: z.string().trim().min(1).max(2000), sourceId: z.string().min(1).max(100) })
  .strict()
  .openapi("WidgetDeflection");

export const widgetRatingBody = z
  .object({ messageId: z.string().min(1).max(100), rating: z.enum(["up", "down"]) })
  .strict()
  .openapi("WidgetRating");

export const widgetOkSchema = z.object({ ok: z.literal(true) }).openapi("WidgetOk");

export const widgetConfigSchema = z
  .object({
    enabled: z.boolean(),
    allowedOrigins: z.array(z.string()),
    plans: z.record(z.string(), z.enum(WIDGET_TIERS)),
    defaultTier: z.enum(WIDGET_TIERS).nullable().openapi({ description: "For plans not mapped; null: the app's tier" }),
    responseTime: z.string().nullable(),
    secretSet: z.boolean(),
    previousSecretValid: z.boolean(),
    snippet: z.string().openapi({ description: "The script tag to paste in the product's pages" }),
  })
  .openapi("WidgetConfig");

const origin = z
  .string()
  .max(200)
  .regex(/^https?:\/\/[^/\s?#]+$/, "an origin is scheme://host[:port], with no path");

export const widgetConfigBody = z
  .object({
    enabled: z.boolean().optional(),
    allowedOrigins: z.array(origin).max(50).optional(),
    plans: z.record(z.string().min(1).max(50), z.enum(WIDGET_TIERS)).optional(),
    defaultTier: z.enum(WIDGET_TIERS).nullable().optional(),
    responseTime: z.string().trim().max(100).nullable().optional(),
  })
  .strict()
  .openapi("WidgetConfigChange");

export const widgetSecretSchema = z
  .object({
    secret: z.string().openapi({ description: "Shown once: the product's server signs identities with it" }),
    previousSecretValid: z.boolean(),
  })
  .openapi("WidgetSecret");

export type WidgetSessionRequest = z.infer<typeof widgetSessionBody>;
export type WidgetSessionView = z.infer<typeof widgetSessionSchema>;
export type WidgetMessageRequest = z.infer<typeof widgetMessageBody>;
export type WidgetMessageView = z.infer<typeof widgetMessageSchema>;
export type WidgetConversationView = z.infer<typeof widgetConversationSchema>;
export type WidgetSuggestionView = z.infer<typeof widgetSuggestionSchema>;
export type WidgetConfigView = z.infer<typeof widgetConfigSchema>;
export type WidgetConfigChange = z.infer<typeof widgetConfigBody>;
export type WidgetSecretView = z.infer<typeof widgetSecretSchema>;
export type WidgetFileView = z.infer<typeof widgetFileSchema>;

/** `GET /api/v1/conversations/{id}/files/{file}`: a file of the conversation, for its organization's members. */
export const conversationFileParams = z.object({
  id: z.string().min(1).max(100).openapi({ description: "Conversation id" }),
  file: z.string().min(1).max(100).openapi({ description: "Stored file id (`fil_…`)" }),
});

export const typingSchema = z.object({ ok: z.literal(true) }).openapi("TypingSignal");
