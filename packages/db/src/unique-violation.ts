/**
 * Whether a failed insert lost a race on a unique index (SQLite, mysql2 and PlanetScale word it
 * differently; drizzle wraps the driver's error in `cause`). Anything else - a deadlock, a lost
 * connection - must propagate: on MySQL a deadlock has already rolled the transaction back.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; depth++) {
    const { code, errno } = current as { code?: unknown; errno?: unknown };
    if (code === "ER_DUP_ENTRY" || errno === 1062 || code === "SQLITE_CONSTRAINT_UNIQUE") return true;
    if (/UNIQUE constraint failed|Duplicate entry/.test(current.message)) return true;
    current = current.cause;
  }
  return false;
}
