import { z } from "@hono/zod-openapi";

/** What the API and CLI show of the Slack connection: never the token or the signing secret, only whether they are set. */
export const slackSchema = z
  .object({
    configured: z.boolean(),
    channelId: z.string().nullable(),
    summaryChannelId: z
      .string()
      .nullable()
      .openapi({ description: "The daily summary's channel; null means the approvals channel" }),
    appId: z.string().nullable().openapi({ description: "Cards only for this app's drafts when set" }),
    apiUrl: z.string().nullable().openapi({ description: "Slack Web API base URL; null means Slack's own" }),
    secretsSet: z.array(z.string()).openapi({ description: "Names of the stored secrets; values are never returned." }),
    updatedAt: z.string().nullable(),
  })
  .openapi("Slack");

/**
 * The request's shape; the Slack configuration service checks the values themselves (token and
 * channel formats), so its messages name the field the way `skill slack connect` does.
 */
export const slackConnectBody = z
  .object({
    botToken: z.string().optional().openapi({ description: "xoxb-… (write-only)" }),
    signingSecret: z.string().optional().openapi({ description: "write-only" }),
    channelId: z.string(),
    summaryChannelId: z.string().nullable().optional(),
    app: z.string().nullable().optional(),
    apiUrl: z.string().nullable().optional(),
  })
  .strict()
  .openapi("SlackConnect", {
    description: "The first connection needs botToken and signingSecret; later ones keep the stored secrets.",
  });

export type SlackView = z.infer<typeof slackSchema>;
export type SlackConnectBody = z.infer<typeof slackConnectBody>;
