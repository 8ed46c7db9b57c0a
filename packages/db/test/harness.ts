import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createConnection } from "mysql2/promise";
import { type Database, openDatabase } from "../src/index.js";
import { isolatedMysqlUrl } from "../src/testing.js";
import { startFakePlanetScale } from "./planetscale-fake.js";

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
      const database = await openDatabase({ url: await isolatedMysqlUrl(mysqlUrl ?? ""), dataDir: tmpdir() });
      await database.migrate();
      return database;
    },
  },
  {
    name: "planetscale (driver against a fake of its HTTP API, forwarding to MySQL)",
    skipReason: mysqlUrl ? undefined : "MYSQL_URL is not set: the PlanetScale driver suite runs under .ci/run",
    open: async () => {
      // A database of its own, so the driver's migrator proves it can build the schema; one per
      // test file, as files run in parallel and two migrators on one database collide.
      const server = new URL(await isolatedMysqlUrl(mysqlUrl ?? ""));
      const name = `${server.pathname.slice(1)}_ps`;
      const admin = await createConnection({ uri: mysqlUrl });
      await admin.query(`CREATE DATABASE IF NOT EXISTS \`${name}\``);
      await admin.end();
      server.pathname = `/${name}`;
      const fake = await startFakePlanetScale(server.toString());
      const database = await openDatabase({ url: fake.url, dataDir: tmpdir() });
      await database.migrate();
      return {
        ...database,
        close: async () => {
          await database.close();
          await fake.close();
        },
      };
    },
  },
];
