import type { WidgetSuggestionView } from "@support/contract";
import { insertConversation, insertMessage, updateConversation, upsertContact } from "@support/db";
import { searchKnowledge } from "../knowledge/search.js";
import { commitChange } from "../service/change.js";
import { serviceContext } from "../service/context.js";
import type { Platform } from "../service/ports.js";
import { visitorActor, visitorConversation } from "./conversation.js";
import { takeWidgetLimit } from "./limits.js";
import { type WidgetVisitor, widgetAppForOrigin } from "./session.js";

/**
 * What a visitor may be shown: the knowledge the company wrote for customers. Macros are the
 * team's canned answers and learned conversations come from other customers' threads; neither is
 * published.
 */
export const PUBLISHED_KINDS = ["manual", "file", "url", "qa"];

const EXCERPT_CHARS = 240;
const SUGGESTIONS = 3;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= EXCERPT_CHARS ? flat : `${flat.slice(0, EXCERPT_CHARS - 1).trimEnd()}…`;
}

/**
 * Articles that may answer what the visitor is typing, from the app's published knowledge (and
 * the organization's shared one), at most one per source, and none unless the retrieval judges
 * them relevant: a wrong suggestion costs the visitor more than none. Public and app-scoped (an
 * allowed origin, no session needed), rate-limited per address, network and app.
 */
export async function suggestArticles(
  platform: Platform,
  input: { appId: string; origin: string | undefined; ip: string; query: string },
): Promise<WidgetSuggestionView[]> {
  const { app } = await widgetAppForOrigin(platform, input.appId, input.origin);
  takeWidgetLimit(platform, "suggest", app.id, input.ip);
  const result = await searchKnowledge(platform.ports.knowledge, {
    orgId: app.orgId,
    appId: app.id,
    query: input.query,
    k: SUGGESTIONS * 2,
    filters: { kinds: PUBLISHED_KINDS },
  });
  if (!result.relevant) return [];
  const seen = new Set<string>();
  const suggestions: WidgetSuggestionView[] = [];
  for (const passage of result.passages) {
    if (seen.has(passage.sourceId) || suggestions.length >= SUGGESTIONS) continue;
    seen.add(passage.sourceId);
    suggestions.push({
      sourceId: passage.sourceId,
      title: passage.title,
      url: passage.url,
      excerpt: excerpt(passage.text),
    });
  }
  return suggestions;
}

/**
 * "This answered my question": the question is kept as a closed conversation tagged `deflected`
 * (or the visitor's open one is closed so), which analytics counts; no draft is made for it.
 */
export async function recordDeflection(
  platform: Platform,
  visitor: WidgetVisitor,
  input: { question: string; sourceId: string },
): Promise<void> {
  takeWidgetLimit(platform, "visitor", visitor.app.id, visitor.key);
  const { orgId, id: appId } = visitor.app;
  const ctx = serviceContext(platform, orgId, visitorActor(visitor));
  const existing = await visitorConversation(platform, visitor);
  const now = new Date();
  await commitChange(ctx, async (tx, log) => {
    let conversationId: string;
    if (existing) {
      const tags = (existing.tags as string[] | null) ?? [];
      await updateConversation(tx, orgId, existing.id, {
        status: "closed",
        closedAt: now,
        tags: tags.includes("deflected") ? tags : [...tags, "deflected"],
      });
      conversationId = existing.id;
    } else {
      const contact = await upsertContact(
        tx,
        orgId,
        appId,
        visitor.userId
          ? { externalId: visitor.userId, email: visitor.email ?? undefined }
          : { externalId: `widget:${visitor.key}` },
      );
      const conversation = await insertConversation(tx, {
        orgId,
        appId,
        contactId: contact.id,
        channelKind: "widget",
        externalId: visitor.key,
        subject: input.question.slice(0, 200),
        status: "closed",
        assignee: null,
        tags: ["deflected"],
        lastMessageAt: now,
        closedAt: now,
      });
      await insertMessage(tx, {
        orgId,
        conversationId: conversation.id,
        direction: "inbound",
        authorKind: "customer",
        authorName: visitor.name,
        kind: "text",
        externalId: null,
        text: input.question,
        html: null,
        attachments: null,
        metadata: { widget: { deflectedBy: input.sourceId } },
        inboundEventId: null,
        createdAt: now,
      });
      conversationId = conversation.id;
    }
    await log.audit({ action: "widget.deflected", subject: conversationId, data: { sourceId: input.sourceId } });
    await log.emit("support/conversation.updated", {
      v: 1,
      orgId,
      appId,
      conversationId,
      channel: "widget",
      changes: ["status", "tags"],
    });
  });
  platform.ports.counters.increment("widget_deflected_total");
}
