import { randomBytes } from "node:crypto";
import mysql from "mysql2/promise";

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
