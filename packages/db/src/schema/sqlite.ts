import { toSqlite } from "./dialect.js";
import * as t from "./tables.js";

export const organizations = toSqlite(t.organizations);
export const apps = toSqlite(t.apps);
export const apiKeys = toSqlite(t.apiKeys);
export const signingKeys = toSqlite(t.signingKeys);
export const auditLog = toSqlite(t.auditLog);
