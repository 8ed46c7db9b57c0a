import { appendAudit, type Db } from "@support/db";
import { type EventData, type EventName, emit } from "../events.js";
import type { ServiceContext } from "./context.js";

/** What a change writes beside its rows: audit entries and events, in the change's transaction. */
export interface ChangeLog {
  audit(entry: { action: string; subject: string; data?: unknown; traceId?: string }): Promise<void>;
  emit<N extends EventName>(name: N, data: EventData<N>): Promise<void>;
}

/**
 * Runs a change in one transaction together with its audit rows (named after the context's
 * actor) and its events (appended to the outbox): all of them commit, or none. The relay is woken
 * when events were appended.
 */
export async function commitChange<T>(ctx: ServiceContext, work: (tx: Db, log: ChangeLog) => Promise<T>): Promise<T> {
  let emitted = 0;
  const result = await ctx.db.transaction((tx) =>
    work(tx, {
      audit: async (entry) => {
        await appendAudit(tx, ctx.org.id, { actor: ctx.actor.name, ...entry });
      },
      emit: async (name, data) => {
        await emit(tx, name, data);
        emitted++;
      },
    }),
  );
  if (emitted > 0) ctx.ports.wake();
  return result;
}
