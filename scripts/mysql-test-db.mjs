// `create [server]`: makes a fresh MySQL database for the test suite and prints its URL; fails
// loudly when MySQL is unreachable, since CI must never silently skip the MySQL suite.
// `drop <url>`: removes that database and the PlanetScale suite's sibling (`<name>_ps`).
import { createRequire } from "node:module";

const require = createRequire(new URL("../packages/db/package.json", import.meta.url));
const mysql = require("mysql2/promise");
const [action, target = "mysql://root@127.0.0.1:3306"] = process.argv.slice(2);
try {
  if (action === "create") {
    const name = `support_test_${Date.now()}`;
    const connection = await mysql.createConnection(target);
    await connection.query(`CREATE DATABASE \`${name}\``);
    await connection.end();
    console.log(`${target}/${name}`);
  } else if (action === "drop") {
    const url = new URL(target);
    const name = url.pathname.slice(1);
    url.pathname = "/";
    const connection = await mysql.createConnection(url.toString());
    for (const db of [name, `${name}_ps`]) await connection.query(`DROP DATABASE IF EXISTS \`${db}\``);
    await connection.end();
  } else {
    throw new Error("usage: mysql-test-db.mjs create [server-url] | drop <database-url>");
  }
} catch (error) {
  console.error(`MySQL test database (${action}) failed at ${target}: ${error.message}`);
  process.exit(1);
}
