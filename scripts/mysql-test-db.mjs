// Creates a fresh MySQL database for the test suite and prints its URL. Fails loudly when
// MySQL is unreachable: CI must never silently skip the MySQL suite.
import { createRequire } from "node:module";

const require = createRequire(new URL("../packages/db/package.json", import.meta.url));
const mysql = require("mysql2/promise");
const server = process.argv[2] ?? "mysql://root@127.0.0.1:3306";
const name = `support_test_${Date.now()}`;
try {
  const connection = await mysql.createConnection(server);
  await connection.query(`CREATE DATABASE \`${name}\``);
  await connection.end();
  console.log(`${server}/${name}`);
} catch (error) {
  console.error(`MySQL is unreachable at ${server}: ${error.message}`);
  process.exit(1);
}
