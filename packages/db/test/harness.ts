import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Database, openDatabase } from "../src/index.js";

export interface DialectCase {
  name: string;
  /** Why the case cannot run here, or undefined when it can. */
  skipReason?: string;
  open(): Promise<Database>;
}

const mysqlUrl = process.env.MYSQL_URL;

/**
 * The same suite runs on every dialect. MySQL runs when MYSQL_URL is set (.ci/run sets it
 * and fails when MySQL is unreachable); a plain `pnpm test` on a fresh machine skips it.
 */
export const dialectCases: DialectCase[] = [
  {
    name: "sqlite",
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), "support-db-"));
      const database = await openDatabase({ dataDir: dir });
      await database.migrate();
      return database;
    },
  },
  {
    name: "mysql",
    skipReason: mysqlUrl ? undefined : "MYSQL_URL is not set: the MySQL suite runs under .ci/run",
    open: async () => {
      const database = await openDatabase({ url: mysqlUrl, dataDir: tmpdir() });
      await database.migrate();
      return database;
    },
  },
];
