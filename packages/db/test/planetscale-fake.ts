import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Connection, createConnection, type FieldPacket, type ResultSetHeader } from "mysql2/promise";

/**
 * A small stand-in for PlanetScale's HTTP API (`POST /psdb.v1alpha1.Database/Execute`, basic
 * auth, `{query, session}` in, fields and base64-packed row values out) that forwards every
 * statement to a real MySQL. It lets drizzle's planetscale-serverless driver, through the
 * official @planetscale/database client, run the same data-layer suite as mysql2.
 */
const BINARY_CHARSET = 63;
const TYPE_NAMES: Record<number, string> = {
  1: "INT8",
  2: "INT16",
  3: "INT32",
  4: "FLOAT32",
  5: "FLOAT64",
  7: "TIMESTAMP",
  8: "INT64",
  9: "INT24",
  10: "DATE",
  12: "DATETIME",
  245: "JSON",
  246: "DECIMAL",
};

function typeName(field: FieldPacket): string {
  const known = TYPE_NAMES[field.columnType ?? -1];
  if (known) return known;
  const binary = field.characterSet === BINARY_CHARSET;
  if (field.columnType === 252) return binary ? "BLOB" : "TEXT";
  return binary ? "VARBINARY" : "VARCHAR";
}

/** PlanetScale sends every value as text; mysql2 has already parsed JSON columns into objects. */
function wireBytes(value: unknown): Buffer {
  if (value instanceof Buffer) return value;
  return Buffer.from(typeof value === "object" ? JSON.stringify(value) : String(value), "utf8");
}

export interface FakePlanetScale {
  url: string;
  close(): Promise<void>;
}

export async function startFakePlanetScale(mysqlUrl: string, auth = { user: "ps-user", password: "pscale_pw_test" }) {
  const sessions = new Map<string, Connection>();
  const expected = `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString("base64")}`;

  async function connectionFor(session: { id?: string } | null | undefined) {
    const existing = session?.id ? sessions.get(session.id) : undefined;
    if (existing && session?.id) return { id: session.id, connection: existing };
    const id = randomUUID();
    const connection = await createConnection({
      uri: mysqlUrl,
      dateStrings: true,
      supportBigNumbers: true,
      bigNumberStrings: true,
    });
    sessions.set(id, connection);
    return { id, connection };
  }

  const server: Server = createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== expected)
      return send(401, { error: { code: "UNAUTHENTICATED", message: "invalid credentials" } });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
    const { id, connection } = await connectionFor(body.session);
    const session = { id };
    if (req.url === "/psdb.v1alpha1.Database/CreateSession") return send(200, { session });
    if (req.url !== "/psdb.v1alpha1.Database/Execute")
      return send(404, { error: { code: "NOT_FOUND", message: req.url } });
    try {
      const [result, fields] = await connection.query({ sql: body.query, rowsAsArray: true });
      if (!Array.isArray(result)) {
        const header = result as ResultSetHeader;
        return send(200, {
          session,
          result: { rowsAffected: String(header.affectedRows), insertId: String(header.insertId) },
        });
      }
      const rows = (result as unknown[][]).map((row) => {
        const cells = row.map((v) => (v === null ? null : wireBytes(v)));
        return {
          lengths: cells.map((c) => String(c === null ? -1 : c.length)),
          values: Buffer.concat(cells.filter((c): c is Buffer => c !== null)).toString("base64"),
        };
      });
      // MariaDB reports JSON columns as LONGTEXT; mysql2 still parses them, which marks them.
      const isJson = (i: number) =>
        (result as unknown[][]).some(
          (row) => row[i] !== null && typeof row[i] === "object" && !(row[i] instanceof Buffer),
        );
      const wireFields = (fields ?? []).map((f, i) => ({ name: f.name, type: isJson(i) ? "JSON" : typeName(f) }));
      return send(200, { session, result: { fields: wireFields, rows } });
    } catch (error) {
      return send(200, { session, error: { code: "UNKNOWN", message: (error as Error).message } });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${auth.user}:${auth.password}@127.0.0.1:${port}`,
    async close() {
      await Promise.all([...sessions.values()].map((c) => c.end()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  } satisfies FakePlanetScale;
}
