/**
 * The PUT /api/v1/slack body from the form: empty secrets are left out (the stored ones stay),
 * an empty summary channel is null (the approvals channel).
 */
export function slackConnectBody(field: (name: string) => string): Record<string, unknown> {
  const value = (name: string) => field(name).trim();
  return {
    channelId: value("channelId"),
    summaryChannelId: value("summaryChannelId") || null,
    ...(value("botToken") ? { botToken: value("botToken") } : {}),
    ...(value("signingSecret") ? { signingSecret: value("signingSecret") } : {}),
  };
}
