import { getSlackCard, insertSlackCard, type SlackCardRow, setSlackCardShown } from "@support/db";
import type { ServiceContext } from "../service/context.js";

/** Where a draft's approval card was posted in Slack, and the draft status it shows. */
export type SlackCard = Pick<SlackCardRow, "draftId" | "channelId" | "ts" | "shownStatus">;

export async function slackCardFor(ctx: ServiceContext, draftId: string): Promise<SlackCard | undefined> {
  return getSlackCard(ctx.db, ctx.org.id, draftId);
}

/** Remembers a posted card, so a decision taken anywhere can update it and a re-published event does not post it twice. */
export async function rememberSlackCard(ctx: ServiceContext, card: SlackCard): Promise<SlackCard> {
  return insertSlackCard(ctx.db, { orgId: ctx.org.id, ...card });
}

/** Records the draft status the card now shows. */
export async function markSlackCardShown(ctx: ServiceContext, draftId: string, status: string): Promise<void> {
  await setSlackCardShown(ctx.db, ctx.org.id, draftId, status);
}
