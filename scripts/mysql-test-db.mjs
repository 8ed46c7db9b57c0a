// `create [server]`: makes a fresh MySQL database for the test suite and prints its URL; fails
// loudly when MySQL is unreachable, since CI must never silently skip the MySQL suite.
// `drop <url>`: removes that database and those derived from it (`<name>_ps`, `<name>_<hex>`).
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
    // The database itself and those derived from it: the PlanetScale suite's `<name>_ps` and the
    // per-test-file databases of `@support/db/testing` (`<name>_<hex>`).
    const [rows] = await connection.query("SHOW DATABASES LIKE ?", [`${name.replaceAll("_", "\\_")}%`]);
    for (const row of rows) await connection.query(`DROP DATABASE IF EXISTS \`${Object.values(row)[0]}\``);
    await connection.end();
  } else {
    throw new Error("usage: mysql-test-db.mjs create [server-url] | drop <database-url>");
  }
} catch (error) {
  console.error(`MySQL test database (${action}) failed at ${target}: ${error.message}`);
  process.exit(1);
}
