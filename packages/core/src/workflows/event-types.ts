import { type EventType, eventType, type StandardSchemaV1 } from "inngest";
import { type EventName, eventCatalog } from "../events.js";

/**
 * The catalog as Inngest event types: triggers and `step.waitForEvent` take these, so a function
 * sees typed `event.data` and Inngest validates payloads against the very zod schemas of the
 * catalog. A new catalog entry appears here without further code.
 */
export type SupportEventTypes = { [N in EventName]: EventType<N, (typeof eventCatalog)[N]> };

function typedEvent<N extends EventName>(name: N): SupportEventTypes[N] {
  const schema: StandardSchemaV1<Record<string, unknown>> = eventCatalog[name];
  return eventType(name, { schema, version: "1" }) as unknown as SupportEventTypes[N];
}

export const supportEvents = Object.fromEntries(
  (Object.keys(eventCatalog) as EventName[]).map((name) => [name, typedEvent(name)]),
) as unknown as SupportEventTypes;
