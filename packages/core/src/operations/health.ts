import { countPendingOutbox } from "@support/engine";
import type { Platform } from "../service/ports.js";

/*
 * What the health and metrics endpoints report about the process: no organization is involved
 * (load balancers and Prometheus call them without credentials), so these take the `Platform`.
 */

/** Whether the database answers and is migrated (a table of the schema can be read). */
export async function checkReadiness(platform: Platform): Promise<{ ready: boolean; dialect: string }> {
  const { db } = platform;
  try {
    await db.ping();
    await db.q.select().from(db.t.organizations).limit(1);
    return { ready: true, dialect: db.dialect };
  } catch {
    return { ready: false, dialect: db.dialect };
  }
}

/** Prometheus text: counters by channel and outcome, and the outbox backlog. No ids, no PII. */
export async function renderMetrics(platform: Platform): Promise<string> {
  const pending = await countPendingOutbox(platform.db);
  return `${platform.ports.counters.render()}outbox_pending ${pending}\n`;
}
