import type { Agent as HttpAgent } from "node:http";
import type { Client } from "@hubspot/api-client";

/**
 * HubSpot's CRM v3, as procedures use it, through the official SDK: a contact upserted by email,
 * a ticket associated with it, a note per message associated with both, and a search that finds
 * a ticket or a note again by the reference token written into its text (after a restart
 * between the call and the record of its answer). The SDK connects through an agent whose name
 * resolution is the guarded resolver (every address checked, the connection pinned to it), so a
 * tenant-set API URL reaches only what the guarded client would (ADR 0100).
 */

export interface HubSpotTarget {
  apiUrl: string;
  token: string;
  pipeline: string;
  stage: string;
}
export interface HubSpotObject {
  id: string;
}

export const DEFAULT_HUBSPOT_API_URL = "https://api.hubapi.com";
export const DEFAULT_HUBSPOT_PIPELINE = "0";
export const DEFAULT_HUBSPOT_STAGE = "1";

/** HubSpot's own association type ids (HUBSPOT_DEFINED). */
const TICKET_TO_CONTACT = 16;
const NOTE_TO_CONTACT = 202;
const NOTE_TO_TICKET = 228;
const TIMEOUT_MS = 10_000;

export class HubSpotError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

type ResolveHost = (host: string) => Promise<string>;

/** An http(s) agent whose every connection goes to the address the guarded resolver checked. */
async function guardedAgent(apiUrl: string, resolveHost: ResolveHost): Promise<HttpAgent> {
  const url = new URL(apiUrl);
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new HubSpotError(`refused: only http and https URLs are called, not ${url.protocol}`, 400);
  }
  const lookup = (
    hostname: string,
    options: { all?: boolean },
    callback: (error: Error | null, address: string | { address: string; family: number }[], family?: number) => void,
  ) => {
    resolveHost(hostname).then(
      (address) => {
        const family = address.includes(":") ? 6 : 4;
        if (options.all) callback(null, [{ address, family }]);
        else callback(null, address, family);
      },
      (error: Error) => callback(error, "", 4),
    );
  };
  const module = url.protocol === "https:" ? await import("node:https") : await import("node:http");
  return new module.Agent({ lookup: lookup as never, timeout: TIMEOUT_MS });
}

/** The SDK client for one connection; the SDK is loaded on first use (ADR 0151). */
export async function hubspotClient(target: HubSpotTarget, resolveHost: ResolveHost): Promise<Client> {
  const { Client } = await import("@hubspot/api-client");
  return new Client({
    accessToken: target.token,
    basePath: target.apiUrl.replace(/\/+$/, ""),
    httpAgent: await guardedAgent(target.apiUrl, resolveHost),
    numberOfApiCallRetries: 0,
  });
}

/** What travels out of a failed call: HubSpot's status and its category, never the token or the body sent. */
async function calling<T>(what: string, call: () => Promise<T>): Promise<T> {
  // The SDK sets no deadline of its own: a silent server must not hold a procedure step forever.
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HubSpotError(`HubSpot ${what} did not answer in time`, 504)), TIMEOUT_MS);
  });
  try {
    return await Promise.race([call(), deadline]);
  } catch (error) {
    if (error instanceof HubSpotError) throw error;
    const e = error as { code?: unknown; body?: { category?: unknown } };
    const status = typeof e.code === "number" ? e.code : 502;
    const category = typeof e.body?.category === "string" ? ` ${e.body.category}` : "";
    throw new HubSpotError(`HubSpot ${what} answered ${status}${category}`, status);
  } finally {
    clearTimeout(timer);
  }
}

const association = (id: string, typeId: number) => ({
  to: { id },
  types: [{ associationCategory: "HUBSPOT_DEFINED" as never, associationTypeId: typeId }],
});

/** The contact with this email, created or updated (HubSpot's batch upsert keyed by email). */
export async function upsertHubSpotContact(
  client: Client,
  contact: { email: string; name: string | null },
): Promise<HubSpotObject> {
  const [firstname, ...rest] = (contact.name ?? "").trim().split(/\s+/);
  const properties: Record<string, string> = { email: contact.email };
  if (firstname) properties.firstname = firstname;
  if (rest.length > 0) properties.lastname = rest.join(" ");
  const answer = await calling("contact upsert", () =>
    client.crm.contacts.batchApi.upsert({ inputs: [{ idProperty: "email", id: contact.email, properties }] }),
  );
  const id = answer.results[0]?.id;
  if (!id) throw new HubSpotError("HubSpot answered the contact upsert without a contact", 502);
  return { id };
}

export async function createHubSpotTicket(
  client: Client,
  target: HubSpotTarget,
  ticket: { subject: string; content: string; contactId: string | null },
): Promise<HubSpotObject> {
  const made = await calling("ticket creation", () =>
    client.crm.tickets.basicApi.create({
      properties: {
        subject: ticket.subject,
        content: ticket.content,
        hs_pipeline: target.pipeline,
        hs_pipeline_stage: target.stage,
      },
      associations: ticket.contactId ? [association(ticket.contactId, TICKET_TO_CONTACT)] : [],
    }),
  );
  return { id: made.id };
}

export async function createHubSpotNote(
  client: Client,
  note: { body: string; at: Date; ticketId: string; contactId: string | null },
): Promise<HubSpotObject> {
  const made = await calling("note creation", () =>
    client.crm.objects.notes.basicApi.create({
      properties: { hs_note_body: note.body, hs_timestamp: note.at.toISOString() },
      associations: [
        association(note.ticketId, NOTE_TO_TICKET),
        ...(note.contactId ? [association(note.contactId, NOTE_TO_CONTACT)] : []),
      ],
    }),
  );
  return { id: made.id };
}

const tokenFilter = (property: string, token: string) => ({
  filterGroups: [{ filters: [{ propertyName: property, operator: "CONTAINS_TOKEN" as never, value: token }] }],
  properties: [property],
  limit: 1,
});

/** The ticket whose content carries `token`, if a killed attempt made one. */
export async function findHubSpotTicket(client: Client, token: string): Promise<HubSpotObject | null> {
  const found = await calling("ticket search", () =>
    client.crm.tickets.searchApi.doSearch(tokenFilter("content", token)),
  );
  const id = found.results[0]?.id;
  return id ? { id } : null;
}

/** The note whose body carries `token`, if a killed attempt made one. */
export async function findHubSpotNote(client: Client, token: string): Promise<HubSpotObject | null> {
  const found = await calling("note search", () =>
    client.crm.objects.notes.searchApi.doSearch(tokenFilter("hs_note_body", token)),
  );
  const id = found.results[0]?.id;
  return id ? { id } : null;
}
