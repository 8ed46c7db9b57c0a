import type { OutboxQuery, Page, SandboxMessageView } from "@support/contract";
import { listSandboxMessages, type SandboxMessage } from "@support/db";
import type { ServiceContext } from "../service/context.js";
import { requireApp } from "../tenancy/apps.js";

export function publicSandboxMessage(message: SandboxMessage): SandboxMessageView {
  return {
    id: message.id,
    appId: message.appId,
    conversationId: message.conversationId,
    channel: message.channelKind,
    recipient: message.recipient,
    subject: message.subject,
    text: message.text,
    html: message.html,
    sandbox: true,
    createdAt: message.createdAt.toISOString(),
  };
}

/**
 * The sandbox outbox of an app, newest first: what channels without credentials would have
 * sent. Any member may read it, as they read the conversations the replies belong to.
 */
export async function listSandboxOutbox(ctx: ServiceContext, query: OutboxQuery): Promise<Page<SandboxMessageView>> {
  const app = await requireApp(ctx, query.app);
  const page = await listSandboxMessages(ctx.db, ctx.org.id, {
    appId: app.id,
    channel: query.channel,
    cursor: query.cursor,
    limit: query.limit,
  });
  return { data: page.data.map(publicSandboxMessage), nextCursor: page.nextCursor };
}
