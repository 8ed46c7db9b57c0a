import { z } from "@hono/zod-openapi";
import { conversationSchema } from "./conversations.js";
import { draftSchema } from "./drafts.js";

/** The teammate the plugin acts for, as the organization knows them. */
export const frontTeammateSchema = z
  .object({ email: z.string(), role: z.string(), actor: z.string() })
  .openapi("FrontTeammate");

/**
 * What the API shows of the organization's Front plugin: whether its secret is set (never the
 * secret), the URL to register in Front, and the members a Front teammate of the same email acts as.
 */
export const frontPluginSchema = z
  .object({
    configured: z.boolean(),
    updatedAt: z.string().nullable(),
    pluginUrl: z.string().openapi({ description: "The plugin URL without its secret" }),
    teammates: z.array(frontTeammateSchema),
  })
  .openapi("FrontPlugin");

/** A new plugin secret, shown once, inside the plugin URL to register in Front. */
export const frontPluginSecretSchema = z
  .object({
    secret: z.string(),
    pluginUrl: z
      .string()
      .openapi({ description: "The URL to register in Front's plugin settings (carries the secret)" }),
  })
  .openapi("FrontPluginSecret");

export const frontPluginConnectBody = z
  .object({
    secret: z.string().trim().min(16).max(200).openapi({
      description: "The plugin's auth secret from Front (Settings › Developers › the plugin): write-only",
    }),
  })
  .strict()
  .openapi("FrontPluginConnect");

/** Front's conversation ids (`cnv_…`): what the plugin's context names and the Front channel stores. */
export const frontConversationParam = z.object({
  frontId: z
    .string()
    .regex(/^cnv_[A-Za-z0-9]{1,40}$/, "a Front conversation id looks like cnv_123abc")
    .openapi({ param: { name: "frontId", in: "path" } }),
});

/**
 * One of our conversations for the Front conversation open in the sidebar, with its newest
 * draft (citations, gates, the trust decision, the product app's data, proposed actions).
 */
export const frontPluginConversationSchema = z
  .object({
    conversation: conversationSchema,
    contact: z.object({ name: z.string().nullable(), email: z.string().nullable() }).nullable(),
    draft: draftSchema.nullable(),
  })
  .openapi("FrontPluginConversation");

export const frontPluginLookupSchema = z
  .object({
    frontConversationId: z.string(),
    conversations: z.array(frontPluginConversationSchema),
  })
  .openapi("FrontPluginLookup");

export const redraftBody = z
  .object({ note: z.string().trim().max(2000).optional() })
  .strict()
  .openapi("RedraftRequest");

export type FrontPluginView = z.infer<typeof frontPluginSchema>;
export type FrontPluginConnectBody = z.infer<typeof frontPluginConnectBody>;
export type FrontTeammateView = z.infer<typeof frontTeammateSchema>;
export type FrontPluginLookupView = z.infer<typeof frontPluginLookupSchema>;
export type RedraftInput = z.infer<typeof redraftBody>;
export type FrontPluginSecretView = z.infer<typeof frontPluginSecretSchema>;
