import { LEAD_STAGES, type LeadPatch, type LeadStage, type LeadView, leadPatchBody } from "@support/contract";
import {
  type Contact,
  type Db,
  getContact,
  getLead,
  insertLead,
  type LeadRow,
  leadForContact,
  listLeads,
  updateLead,
} from "@support/db";
import { formatMoney } from "@support/decisions";
import { stringify } from "csv-stringify/sync";
import { commitChange } from "../service/change.js";
import { requireRole, type ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { requireApp } from "../tenancy/apps.js";

/**
 * The mini-CRM: one lead per contact and app. The conversation moves it forward (a product
 * question makes it, quantities qualify it, a quote sent makes it quoted, an accepted quote wins
 * it); a person moves it anywhere. Automatic moves never go back and never leave won or lost.
 */

const RANK: Record<LeadStage, number> = { new: 0, qualified: 1, quoted: 2, won: 3, lost: 3 };
const isFinal = (stage: string) => stage === "won" || stage === "lost";

export function leadView(row: LeadRow, contact: Contact | undefined): LeadView {
  return {
    id: row.id,
    appId: row.appId,
    contactId: row.contactId,
    contact: { name: contact?.name ?? null, phone: contact?.phone ?? null, email: contact?.email ?? null },
    conversationId: row.conversationId,
    stage: row.stage as LeadStage,
    valueMinor: row.valueMinor,
    currency: row.currency,
    valueText: row.valueMinor !== null && row.currency ? formatMoney(row.valueMinor, row.currency, "fr") : null,
    owner: row.owner,
    notes: row.notes,
    quoteId: row.quoteId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the conversation tells about a lead: where it reached, and the quote and value that go with it. */
export interface LeadProgress {
  appId: string;
  contactId: string;
  conversationId: string;
  stage: LeadStage;
  quote?: { id: string; totalMinor: number; currency: string };
}

/**
 * Moves the contact's lead forward to `stage` (made at that stage the first time); in the
 * caller's transaction. Returns the lead and whether it moved.
 */
export async function advanceLead(
  db: Db,
  orgId: string,
  progress: LeadProgress,
): Promise<{ lead: LeadRow; moved: boolean }> {
  const quoteFields = progress.quote
    ? { quoteId: progress.quote.id, valueMinor: progress.quote.totalMinor, currency: progress.quote.currency }
    : {};
  const existing = await leadForContact(db, orgId, progress.appId, progress.contactId);
  if (!existing) {
    const lead = await insertLead(db, {
      orgId,
      appId: progress.appId,
      contactId: progress.contactId,
      conversationId: progress.conversationId,
      stage: progress.stage,
      valueMinor: null,
      currency: null,
      owner: null,
      notes: null,
      quoteId: null,
      ...quoteFields,
    });
    return { lead, moved: true };
  }
  if (isFinal(existing.stage) || RANK[progress.stage] <= RANK[existing.stage as LeadStage]) {
    return { lead: existing, moved: false };
  }
  return { lead: await updateLead(db, orgId, existing, { stage: progress.stage, ...quoteFields }), moved: true };
}

async function withContacts(ctx: ServiceContext, rows: LeadRow[]): Promise<LeadView[]> {
  const contacts = new Map<string, Contact | undefined>();
  for (const row of rows) {
    if (!contacts.has(row.contactId)) contacts.set(row.contactId, await getContact(ctx.db, ctx.org.id, row.contactId));
  }
  return rows.map((row) => leadView(row, contacts.get(row.contactId)));
}

export async function listLeadViews(
  ctx: ServiceContext,
  query: { app: string; stage?: LeadStage },
): Promise<{ data: LeadView[] }> {
  requireRole(ctx, "agent");
  const app = await requireApp(ctx, query.app);
  if (query.stage && !LEAD_STAGES.includes(query.stage))
    throw new AppError("invalid_input", `unknown stage "${query.stage}"`);
  return { data: await withContacts(ctx, await listLeads(ctx.db, ctx.org.id, app.id, query.stage)) };
}

/** A person's move: any stage, the value, the owner, notes; any member. */
export async function updateLeadByHand(ctx: ServiceContext, id: string, patch: LeadPatch): Promise<LeadView> {
  requireRole(ctx, "agent");
  const parsed = leadPatchBody.safeParse(patch);
  if (!parsed.success) throw new AppError("invalid_input", parsed.error.issues.map((i) => i.message).join("; "));
  const row = await commitChange(ctx, async (tx, log) => {
    const existing = await getLead(tx, ctx.org.id, id);
    if (!existing) throw new AppError("not_found", `lead "${id}" not found`);
    const fields = {
      ...parsed.data,
      ...(parsed.data.valueMinor !== undefined && parsed.data.valueMinor !== null && !existing.currency
        ? { currency: "MGA" }
        : {}),
    };
    const row = await updateLead(tx, ctx.org.id, existing, fields);
    await log.audit({
      action: "lead.updated",
      subject: row.id,
      data: { fields: Object.keys(parsed.data), from: existing.stage, to: row.stage },
    });
    return row;
  });
  return leadView(row, await getContact(ctx.db, ctx.org.id, row.contactId));
}

const CSV_COLUMNS = [
  "id",
  "stage",
  "name",
  "phone",
  "email",
  "value",
  "currency",
  "owner",
  "notes",
  "quote",
  "created",
  "updated",
];

/** The app's leads as CSV (a spreadsheet's export), one header row; money in minor units. */
export async function leadsCsv(ctx: ServiceContext, query: { app: string; stage?: LeadStage }): Promise<string> {
  const { data } = await listLeadViews(ctx, query);
  return stringify(
    data.map((l) => [
      l.id,
      l.stage,
      l.contact.name ?? "",
      l.contact.phone ?? "",
      l.contact.email ?? "",
      l.valueMinor ?? "",
      l.currency ?? "",
      l.owner ?? "",
      l.notes ?? "",
      l.quoteId ?? "",
      l.createdAt,
      l.updatedAt,
    ]),
    { header: true, columns: CSV_COLUMNS },
  );
}
