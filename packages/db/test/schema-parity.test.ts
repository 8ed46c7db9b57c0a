import { getTableConfig as mysqlConfig } from "drizzle-orm/mysql-core";
import { getTableConfig as sqliteConfig } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as mysql from "../src/schema/mysql.js";
import * as sqlite from "../src/schema/sqlite.js";

type Shape = {
  name: string;
  columns: { name: string; notNull: boolean; primary: boolean }[];
  indexes: { name: string; unique: boolean; columns: string[] }[];
  foreignKeys: number;
};

function shapeOf(config: ReturnType<typeof sqliteConfig> | ReturnType<typeof mysqlConfig>): Shape {
  return {
    name: config.name,
    columns: config.columns
      .map((c) => ({ name: c.name, notNull: c.notNull, primary: c.primary }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    indexes: config.indexes
      .map((i) => ({
        name: i.config.name,
        unique: Boolean(i.config.unique),
        columns: i.config.columns.map((c) => ("name" in c ? c.name : String(c))),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    foreignKeys: config.foreignKeys.length,
  };
}

describe("one schema, two dialects", () => {
  it("gives every tenant-owned table an org_id", () => {
    for (const [key, table] of Object.entries(sqlite)) {
      // Platform tables: auth (better-auth), and webhook replay keys (digests of signatures, owned by no tenant).
      const platformTables = ["organizations", "users", "sessions", "accounts", "verifications", "webhookReplayKeys"];
      if (platformTables.includes(key)) continue;
      const columns = sqliteConfig(table).columns.map((c) => c.name);
      expect(columns, key).toContain("org_id");
    }
  });

  it("exports the same tables for SQLite and MySQL", () => {
    expect(Object.keys(mysql).sort()).toEqual(Object.keys(sqlite).sort());
  });

  const mysqlTables: Record<string, (typeof mysql)[keyof typeof mysql]> = { ...mysql };
  for (const [key, table] of Object.entries(sqlite)) {
    it(`describes ${key} identically (columns, nullability, uniques, indexes, no foreign keys)`, () => {
      const mysqlTable = mysqlTables[key];
      if (!mysqlTable) throw new Error(`${key} has no MySQL table`);
      const lite = shapeOf(sqliteConfig(table));
      const my = shapeOf(mysqlConfig(mysqlTable));
      expect(my).toEqual(lite);
      expect(lite.columns.length).toBeGreaterThan(0);
      expect(lite.foreignKeys).toBe(0);
    });
  }
});
