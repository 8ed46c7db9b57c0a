import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** What the fake HubSpot received: every call, with its auth header and body. */
export interface HubSpotCall {
  method: string;
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown> | null;
}

interface StoredObject {
  id: string;
  properties: Record<string, string>;
  associations: { to: { id: string }; types: { associationCategory: string; associationTypeId: number }[] }[];
  createdAt: string;
  updatedAt: string;
  archived: false;
}

type SearchBody = {
  filterGroups?: { filters?: { propertyName?: string; operator?: string; value?: string }[] }[];
};

/**
 * A fake HubSpot on 127.0.0.1 speaking CRM v3 as the official SDK calls it:
 * `POST /crm/v3/objects/contacts/batch/upsert` (idProperty email), `POST /crm/v3/objects/tickets`
 * and `/notes` (with associations), and `POST /crm/v3/objects/{tickets|notes}/search` with
 * `CONTAINS_TOKEN` filters (a whole word of the property). A request without `Bearer <token>`
 * gets 401 with HubSpot's error body (`status`, `message`, `category`, `correlationId`).
 */
export async function startFakeHubSpot(token: string) {
  const calls: HubSpotCall[] = [];
  const store: Record<"contacts" | "tickets" | "notes", StoredObject[]> = { contacts: [], tickets: [], notes: [] };
  let nextId = 1000;
  const now = () => new Date().toISOString();
  const make = (properties: Record<string, string>, associations: StoredObject["associations"] = []): StoredObject => ({
    id: String(++nextId),
    properties,
    associations,
    createdAt: now(),
    updatedAt: now(),
    archived: false,
  });
  const matches = (object: StoredObject, search: SearchBody) =>
    (search.filterGroups ?? []).some((group) =>
      (group.filters ?? []).every((f) => {
        const words = (object.properties[f.propertyName ?? ""] ?? "").split(/[^A-Za-z0-9]+/);
        return f.operator === "CONTAINS_TOKEN" && words.includes(f.value ?? "");
      }),
    );

  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => {
      raw += chunk;
    });
    req.on("end", () => {
      const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
      calls.push({ method: req.method ?? "", path, authorization: req.headers.authorization, body });
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { "content-type": "application/json;charset=utf-8" });
        res.end(JSON.stringify(payload));
      };
      const error = (status: number, category: string, message: string) =>
        send(status, { status: "error", message, correlationId: "00000000-fake", category });
      if (req.headers.authorization !== `Bearer ${token}`) {
        return error(401, "INVALID_AUTHENTICATION", "Authentication credentials not found.");
      }
      if (req.method !== "POST") return error(405, "VALIDATION_ERROR", "Method not allowed");
      if (path === "/crm/v3/objects/contacts/batch/upsert") {
        const inputs = (body?.inputs ?? []) as { id: string; idProperty: string; properties: Record<string, string> }[];
        const results = inputs.map((input) => {
          const existing = store.contacts.find((c) => c.properties.email === input.id);
          if (existing) {
            Object.assign(existing.properties, input.properties);
            return { ...existing, new: false };
          }
          const created = make({ ...input.properties, email: input.id });
          store.contacts.push(created);
          return { ...created, new: true };
        });
        return send(200, { status: "COMPLETE", results, startedAt: now(), completedAt: now() });
      }
      const objects = /^\/crm\/v3\/objects\/(tickets|notes)(\/search)?$/.exec(path);
      if (!objects) return error(404, "OBJECT_NOT_FOUND", "Not found");
      const kind = objects[1] as "tickets" | "notes";
      if (objects[2]) {
        const results = store[kind].filter((o) => matches(o, (body ?? {}) as SearchBody));
        return send(200, { total: results.length, results });
      }
      const created = make(
        (body?.properties ?? {}) as Record<string, string>,
        (body?.associations ?? []) as StoredObject["associations"],
      );
      store[kind].push(created);
      return send(201, created);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const posted = (path: string) => calls.filter((c) => c.method === "POST" && c.path === path);
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    store,
    ticketsCreated: () => posted("/crm/v3/objects/tickets"),
    notesCreated: () => posted("/crm/v3/objects/notes"),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
