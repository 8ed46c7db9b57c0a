import { chmodSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createClient } from "@libsql/client";
import { drizzle as drizzleLibsql, type LibSQLDatabase } from "drizzle-orm/libsql";
import { migrate as migrateLibsql } from "drizzle-orm/libsql/migrator";
import type * as MysqlSchema from "./schema/mysql.js";
import * as sqliteSchema from "./schema/sqlite.js";
import { withLockRetries } from "./sql-errors.js";

export type Dialect = "sqlite" | "mysql" | "planetscale";

/**
 * The query surface the data layer uses (select/insert/update/delete without `returning`)
 * is identical across drizzle's SQLite and MySQL builders, so services are written once
 * against the SQLite types and run unchanged on MySQL.
 */
export interface Db {
  q: LibSQLDatabase<typeof sqliteSchema>;
  /** The dialect's own tables (typed as SQLite's, which share their column names and shapes). */
  t: typeof sqliteSchema;
}

/**
 * An open database: itself the query surface (`Db`), so data functions take it directly, with
 * transactions and lifecycle on top. `db` is the same surface under its older name.
 */
export interface Database extends Db {
  dialect: Dialect;
  db: Db;
  /** Runs `work` in one transaction: everything it writes commits together or not at all. */
  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T>;
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

const migrationsRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../migrations");

export interface DatabaseTarget {
  url?: string;
  dataDir: string;
}

export function dialectOf(url: string | undefined): Dialect {
  if (!url || url.startsWith("file:")) return "sqlite";
  if (url.startsWith("mysql://")) return "mysql";
  if (url.startsWith("https://") || url.startsWith("http://")) return "planetscale";
  throw new Error("DATABASE_URL must start with file:, mysql:// or https://");
}

/**
 * The embedded database holds every tenant's conversations: the data folder is the owner's only
 * (0700) and so are the database file and its WAL companions (0600), whatever the umask made them.
 */
function restrictToOwner(dataDir: string, path: string): void {
  if (resolve(dirname(path)) === resolve(dataDir)) chmodSync(dataDir, 0o700);
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file)) chmodSync(file, 0o600);
  }
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  const dialect = dialectOf(target.url);
  if (dialect === "sqlite") {
    const url = target.url ?? `file:${join(target.dataDir, "support.db")}`;
    const path = url.slice("file:".length);
    const onDisk = Boolean(path) && path !== ":memory:";
    if (onDisk) mkdirSync(dirname(resolve(path)), { recursive: true, mode: 0o700 });
    // `timeout` is SQLite's busy timeout, applied to every pooled connection. Two connections:
    // one for the (single, queued) write transaction, one for reads meanwhile.
    const client = createClient({ url, timeout: 5000, concurrency: 2 });
    // WAL lets the CLI read and write while the server runs on the same file.
    await client.execute("PRAGMA journal_mode = WAL");
    if (onDisk) restrictToOwner(target.dataDir, path);
    await tuneEveryConnection(client);
    // SQLite has one writer at a time, and libsql's busy handler waits synchronously: a write on
    // one pooled connection while another holds a write transaction would block the event loop
    // that transaction needs to commit. So every write, in a transaction or not, queues on one
    // in-process lock.
    const writeLock = createMutex();
    const execute = client.execute.bind(client);
    client.execute = ((statement: Parameters<typeof execute>[0]) =>
      isWrite(statement) ? writeLock(() => execute(statement)) : execute(statement)) as typeof client.execute;
    const batch = client.batch.bind(client);
    client.batch = ((...args: Parameters<typeof batch>) => writeLock(() => batch(...args))) as typeof client.batch;
    const db = drizzleLibsql(client, { schema: sqliteSchema });
    return {
      dialect,
      q: db,
      t: sqliteSchema,
      db: { q: db, t: sqliteSchema },
      transaction: (work) =>
        writeLock(() =>
          db.transaction((tx) => work({ q: tx as unknown as Db["q"], t: sqliteSchema }), { behavior: "immediate" }),
        ),
      migrate: () => migrateLibsql(db, { migrationsFolder: join(migrationsRoot, "sqlite") }),
      ping: async () => {
        await client.execute("select 1");
      },
      close: async () => client.close(),
    };
  }
  // The MySQL and PlanetScale drivers are loaded only when configured: the embedded product and
  // the local CLI never pay for them.
  const mysqlSchema = await import("./schema/mysql.js");
  if (dialect === "mysql") {
    const [{ createPool }, { drizzle: drizzleMysql }, { migrate: migrateMysql }] = await Promise.all([
      import("mysql2/promise"),
      import("drizzle-orm/mysql2"),
      import("drizzle-orm/mysql2/migrator"),
    ]);
    const pool = createPool({ uri: target.url, connectionLimit: 10 });
    const db = drizzleMysql(pool, { schema: mysqlSchema, mode: "default" });
    return {
      dialect,
      ...asSharedDb(db, mysqlSchema),
      db: asSharedDb(db, mysqlSchema),
      transaction: (work) => withLockRetries(() => db.transaction((tx) => work(asSharedDb(tx, mysqlSchema)))),
      migrate: () => migrateMysql(db, { migrationsFolder: join(migrationsRoot, "mysql") }),
      ping: async () => {
        await pool.query("select 1");
      },
      close: () => pool.end(),
    };
  }
  const [{ Client: PlanetScaleClient }, { drizzle: drizzlePlanetscale }] = await Promise.all([
    import("@planetscale/database"),
    import("drizzle-orm/planetscale-serverless"),
  ]);
  const client = new PlanetScaleClient({ url: target.url });
  const db = drizzlePlanetscale({ client, schema: mysqlSchema });
  return {
    dialect,
    ...asSharedDb(db, mysqlSchema),
    db: asSharedDb(db, mysqlSchema),
    transaction: (work) => withLockRetries(() => db.transaction((tx) => work(asSharedDb(tx, mysqlSchema)))),
    // PlanetScale applies schema through deploy requests; the mysql migrations are the source.
    migrate: async () => {
      const { migrate } = await import("drizzle-orm/planetscale-serverless/migrator");
      await migrate(db, { migrationsFolder: join(migrationsRoot, "mysql") });
    },
    ping: async () => {
      await client.execute("select 1");
    },
    close: async () => {},
  };
}

/**
 * In WAL mode `synchronous = NORMAL` skips the fsync on each commit: a commit survives the
 * process being killed (it is in the WAL), only an OS crash or power loss can lose the last
 * ones. The pragma is per connection, so it is applied to both pooled connections: one held by
 * an open transaction while the other runs it.
 */
async function tuneEveryConnection(client: ReturnType<typeof createClient>) {
  await client.execute("PRAGMA synchronous = NORMAL");
  const held = await client.transaction("read");
  try {
    await client.execute("PRAGMA synchronous = NORMAL");
  } finally {
    held.close();
  }
}

function isWrite(statement: string | { sql: string }): boolean {
  const sql = typeof statement === "string" ? statement : statement.sql;
  return /^\s*(insert|update|delete|replace)\b/i.test(sql);
}

function createMutex() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
}

function asSharedDb(q: unknown, t: typeof MysqlSchema): Db {
  return { q: q as Db["q"], t: t as unknown as Db["t"] };
}
