import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import mysql from "mysql2/promise";
import type { Db } from "./client.js";

const created = new Map<string, Promise<string>>();

/**
 * A database of its own on the MySQL server of `url`, named after `url`'s database with a random
 * suffix, created on the first call and reused by later calls in the same test file. Test files
 * run in parallel, and the scheduled sweeps they exercise act on every organization: on one
 * shared database a sweep in one file would expire or purge another file's rows.
 * `scripts/mysql-test-db.mjs drop` removes these with the database they derive from.
 */
export function isolatedMysqlUrl(url: string): Promise<string> {
  let isolated = created.get(url);
  if (!isolated) {
    isolated = (async () => {
      const target = new URL(url);
      const name = `${target.pathname.slice(1)}_${randomBytes(3).toString("hex")}`;
      target.pathname = "/";
      const connection = await mysql.createConnection(target.toString());
      try {
        await connection.query(`CREATE DATABASE \`${name}\``);
      } finally {
        await connection.end();
      }
      target.pathname = `/${name}`;
      return target.toString();
    })();
    created.set(url, isolated);
  }
  return isolated;
}

/**
 * Moves an organization's drafts, action executions and finished workflow runs back to `then`,
 * as if they had happened that long ago (retention tests). Answers the ids of the finished runs.
 */
export async function backdateOrganization(db: Db, orgId: string, then: Date): Promise<string[]> {
  await db.q.update(db.t.drafts).set({ createdAt: then }).where(eq(db.t.drafts.orgId, orgId));
  await db.q.update(db.t.actionExecutions).set({ updatedAt: then }).where(eq(db.t.actionExecutions.orgId, orgId));
  const finished = and(eq(db.t.engineRuns.orgId, orgId), eq(db.t.engineRuns.status, "completed"));
  const runs = (await db.q.select().from(db.t.engineRuns).where(finished)).map((run) => run.id);
  await db.q.update(db.t.engineRuns).set({ finishedAt: then }).where(finished);
  return runs;
}
