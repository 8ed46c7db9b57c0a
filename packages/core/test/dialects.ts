import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Database, openDatabase } from "@support/db";
import { isolatedMysqlUrl } from "@support/db/testing";

const mysqlUrl = process.env.MYSQL_URL;

/** Core services run on SQLite always and on MySQL when MYSQL_URL is set (as .ci/run does). */
export const dialects: { name: string; skipReason?: string; open(): Promise<Database> }[] = [
  {
    name: "sqlite",
    open: async () => {
      const database = await openDatabase({ dataDir: mkdtempSync(join(tmpdir(), "support-core-")) });
      await database.migrate();
      return database;
    },
  },
  {
    name: "mysql",
    skipReason: mysqlUrl ? undefined : "MYSQL_URL is not set: the MySQL suite runs under .ci/run",
    open: async () => {
      const database = await openDatabase({ url: await isolatedMysqlUrl(mysqlUrl ?? ""), dataDir: tmpdir() });
      await database.migrate();
      return database;
    },
  },
];
