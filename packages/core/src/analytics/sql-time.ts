import type { Dialect } from "@support/db";
import { type SQL, sql } from "drizzle-orm";

/**
 * The few time expressions SQLite and MySQL spell differently. SQLite stores times as epoch
 * milliseconds (integers); MySQL as DATETIME(3) in UTC. Constants are rendered inline: they are
 * numbers or fixed-format timestamps this module builds itself, never caller text.
 */
export interface SqlTime {
  /** A point in time, comparable with a time column. */
  at(ms: number): SQL;
  /** Milliseconds from `a` to `b` (null when either is null). */
  msBetween(a: SQL, b: SQL): SQL;
  /** Which bucket (0, 1, ...) a time falls in, counting `bucketMs` from `originMs`. */
  bucketIndex(column: SQL, originMs: number, bucketMs: number): SQL;
}

function integer(n: number): SQL {
  if (!Number.isSafeInteger(n)) throw new Error(`not an integer: ${n}`);
  return sql.raw(String(n));
}

/** '2026-05-01 00:00:00.000': what DATETIME(3) holds, as drizzle writes it (UTC). */
function mysqlTimestamp(ms: number): SQL {
  return sql.raw(`'${new Date(ms).toISOString().replace("T", " ").replace("Z", "")}'`);
}

const sqlite: SqlTime = {
  at: integer,
  msBetween: (a, b) => sql`(${b} - ${a})`,
  bucketIndex: (column, originMs, bucketMs) => sql`((${column} - ${integer(originMs)}) / ${integer(bucketMs)})`,
};

const mysql: SqlTime = {
  at: mysqlTimestamp,
  msBetween: (a, b) => sql`(TIMESTAMPDIFF(MICROSECOND, ${a}, ${b}) / 1000)`,
  bucketIndex: (column, originMs, bucketMs) =>
    sql`FLOOR(TIMESTAMPDIFF(MICROSECOND, ${mysqlTimestamp(originMs)}, ${column}) / ${integer(bucketMs * 1000)})`,
};

export function sqlTime(dialect: Dialect): SqlTime {
  return dialect === "sqlite" ? sqlite : mysql;
}
