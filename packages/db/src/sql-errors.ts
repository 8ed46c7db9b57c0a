/** The driver's error and the errors drizzle wrapped around it (`cause`), outermost first. */
function* errorChain(error: unknown): Generator<Error & { code?: unknown; errno?: unknown }> {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; depth++) {
    yield current;
    current = current.cause;
  }
}

/**
 * Whether a failed insert lost a race on a unique index (SQLite, mysql2 and PlanetScale word it
 * differently). Anything else - a deadlock, a lost connection - must propagate: on MySQL a
 * deadlock has already rolled the transaction back.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (const e of errorChain(error)) {
    if (e.code === "ER_DUP_ENTRY" || e.errno === 1062 || e.code === "SQLITE_CONSTRAINT_UNIQUE") return true;
    if (/UNIQUE constraint failed|Duplicate entry/.test(e.message)) return true;
  }
  return false;
}

/** Whether InnoDB rolled the transaction back to break a deadlock or a lock wait: retry it whole. */
export function isRetryableLockError(error: unknown): boolean {
  for (const e of errorChain(error)) {
    if (e.errno === 1213 || e.errno === 1205 || e.code === "ER_LOCK_DEADLOCK" || e.code === "ER_LOCK_WAIT_TIMEOUT")
      return true;
    if (/Deadlock found when trying to get lock|Lock wait timeout exceeded/.test(e.message)) return true;
  }
  return false;
}

const LOCK_RETRIES = 3;

/**
 * Runs a MySQL transaction, again from the start when InnoDB chose it as a deadlock's victim:
 * InnoDB expects applications to retry, and our transactions hold database writes only, so a
 * rolled-back attempt left nothing behind.
 */
export async function withLockRetries<T>(transaction: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (attempt >= LOCK_RETRIES || !isRetryableLockError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}
