import { toMysql } from "./dialect.js";
import * as t from "./tables.js";

export const organizations = toMysql(t.organizations);
export const apps = toMysql(t.apps);
export const apiKeys = toMysql(t.apiKeys);
export const signingKeys = toMysql(t.signingKeys);
export const auditLog = toMysql(t.auditLog);
