import type { $Type, NotNull } from "drizzle-orm";
import {
  datetime,
  boolean as myBoolean,
  index as myIndex,
  int as myInt,
  json as myJson,
  longtext as myLongText,
  mysqlTable,
  text as myText,
  uniqueIndex as myUniqueIndex,
  varchar,
} from "drizzle-orm/mysql-core";
import {
  customType,
  integer,
  index as liteIndex,
  text as liteText,
  uniqueIndex as liteUniqueIndex,
  sqliteTable,
} from "drizzle-orm/sqlite-core";

/**
 * A column is described once and rendered for each dialect, so SQLite (embedded) and
 * MySQL/PlanetScale (production) can never drift apart: there is one list of tables.
 */
export type ColumnSpec =
  | { kind: "id"; length?: number }
  | { kind: "string"; length: number }
  | { kind: "text" }
  | { kind: "longText" }
  | { kind: "int" }
  | { kind: "bool" }
  | { kind: "json" }
  | { kind: "time" };

export interface ColumnDef<S extends ColumnSpec = ColumnSpec, N extends boolean = boolean> {
  spec: S;
  notNull: N;
  primaryKey: boolean;
  /** What rows that existed before the column was added hold (and inserts that omit it). */
  defaultValue?: number;
}

type ValueOf<S extends ColumnSpec> = S["kind"] extends "int"
  ? number
  : S["kind"] extends "bool"
    ? boolean
    : S["kind"] extends "json"
      ? unknown
      : S["kind"] extends "time"
        ? Date
        : string;

/** The row type of a table, derived from the same spec that builds both dialects. */
export type RowOf<T extends TableDef> = {
  [K in keyof T["columns"]]: T["columns"][K] extends ColumnDef<infer S, infer N>
    ? N extends true
      ? ValueOf<S>
      : ValueOf<S> | null
    : never;
};

export interface TableDef {
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: any spec/nullability is a valid column
  columns: Record<string, ColumnDef<any, any>>;
  uniques: { name: string; columns: string[] }[];
  indexes: { name: string; columns: string[] }[];
}

const col = <S extends ColumnSpec>(spec: S) => ({
  required(): ColumnDef<S, true> {
    return { spec, notNull: true, primaryKey: false };
  },
  optional(): ColumnDef<S, false> {
    return { spec, notNull: false, primaryKey: false };
  },
  primary(): ColumnDef<S, true> {
    return { spec, notNull: true, primaryKey: true };
  },
  /** Required, with a default: how a NOT NULL column joins a table that already has rows. */
  requiredWithDefault(value: number): ColumnDef<S, true> {
    return { spec, notNull: true, primaryKey: false, defaultValue: value };
  },
});

export const c = {
  id: () => col({ kind: "id" as const }),
  string: (length: number) => col({ kind: "string" as const, length }),
  text: () => col({ kind: "text" as const }),
  /** Whole documents: MySQL's TEXT stops at 64 KB, LONGTEXT does not. */
  longText: () => col({ kind: "longText" as const }),
  int: () => col({ kind: "int" as const }),
  bool: () => col({ kind: "bool" as const }),
  json: () => col({ kind: "json" as const }),
  time: () => col({ kind: "time" as const }),
};

const ID_LENGTH = 40;

/**
 * SQLite keeps a NUL character inside text, but libsql hands text back as a C string, cut at
 * the first NUL (issue 14): customer text with one was stored whole and read back short. So
 * SQLite's text columns escape NUL on the way in and restore it on the way out, with U+FFFF
 * (a noncharacter no real text carries) as the escape, itself escaped, so every string
 * survives. Text without either character, all real text, is stored as it is.
 */
const ESCAPE = "\uffff";
const NUL = String.fromCharCode(0);
const escapeNul = (value: string) =>
  value.includes(NUL) || value.includes(ESCAPE)
    ? value.replaceAll(ESCAPE, `${ESCAPE}${ESCAPE}`).replaceAll(NUL, `${ESCAPE}0`)
    : value;
const restoreNul = (value: string) =>
  value.includes(ESCAPE) ? value.replace(/\uffff([0\uffff])/g, (_, c: string) => (c === "0" ? NUL : ESCAPE)) : value;
const liteNulSafeText = customType<{ data: string; driverData: string }>({
  dataType: () => "text",
  toDriver: escapeNul,
  fromDriver: restoreNul,
});

function sqliteBase(name: string, spec: ColumnSpec) {
  switch (spec.kind) {
    case "int":
      return integer(name);
    case "bool":
      return integer(name, { mode: "boolean" });
    case "json":
      return liteText(name, { mode: "json" });
    case "time":
      return integer(name, { mode: "timestamp_ms" });
    case "string":
    case "text":
      return liteNulSafeText(name);
    default:
      return liteText(name);
  }
}

function sqliteColumn(name: string, def: ColumnDef) {
  const builder = sqliteBase(name, def.spec);
  if (def.primaryKey) return builder.primaryKey();
  if (def.defaultValue !== undefined) return builder.notNull().default(def.defaultValue as never);
  return def.notNull ? builder.notNull() : builder;
}

function mysqlBase(name: string, spec: ColumnSpec) {
  switch (spec.kind) {
    case "id":
      return varchar(name, { length: spec.length ?? ID_LENGTH });
    case "string":
      return varchar(name, { length: spec.length });
    case "text":
      return myText(name);
    case "longText":
      return myLongText(name);
    case "int":
      return myInt(name);
    case "bool":
      return myBoolean(name);
    case "json":
      return myJson(name);
    case "time":
      return datetime(name, { mode: "date", fsp: 3 });
  }
}

function mysqlColumn(name: string, def: ColumnDef) {
  const builder = mysqlBase(name, def.spec);
  if (def.primaryKey) return builder.primaryKey();
  if (def.defaultValue !== undefined) return builder.notNull().default(def.defaultValue as never);
  return def.notNull ? builder.notNull() : builder;
}

type TextBase = ReturnType<typeof liteText>;
type LiteBuilder<C> =
  C extends ColumnDef<infer S, infer N>
    ? N extends true
      ? NotNull<$Type<TextBase, ValueOf<S>>>
      : $Type<TextBase, ValueOf<S>>
    : never;
type LiteColumns<T extends TableDef> = { [K in keyof T["columns"] & string]: LiteBuilder<T["columns"][K]> };

/**
 * The SQLite table, typed from the spec so services get checked row types. Only `data` and
 * nullability matter to the type checker; the runtime column kinds come from sqliteColumn.
 */
export function toSqlite<T extends TableDef>(def: T) {
  return buildSqlite(def) as unknown as ReturnType<typeof sqliteTable<T["name"], LiteColumns<T>>>;
}

function buildSqlite(def: TableDef) {
  const columns = Object.fromEntries(
    Object.entries(def.columns).map(([key, column]) => [key, sqliteColumn(snake(key), column)]),
  );
  // biome-ignore lint/suspicious/noExplicitAny: column maps are built dynamically from the spec
  return sqliteTable(def.name, columns as any, (t: any) => [
    ...def.uniques.map((u) => liteUniqueIndex(u.name).on(...(u.columns.map((k) => t[k]) as [never]))),
    ...def.indexes.map((i) => liteIndex(i.name).on(...(i.columns.map((k) => t[k]) as [never]))),
  ]);
}

export function toMysql(def: TableDef) {
  const columns = Object.fromEntries(
    Object.entries(def.columns).map(([key, column]) => [key, mysqlColumn(snake(key), column)]),
  );
  // biome-ignore lint/suspicious/noExplicitAny: column maps are built dynamically from the spec
  return mysqlTable(def.name, columns as any, (t: any) => [
    ...def.uniques.map((u) => myUniqueIndex(u.name).on(...(u.columns.map((k) => t[k]) as [never]))),
    ...def.indexes.map((i) => myIndex(i.name).on(...(i.columns.map((k) => t[k]) as [never]))),
  ]);
}

export function snake(key: string): string {
  return key.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
}
