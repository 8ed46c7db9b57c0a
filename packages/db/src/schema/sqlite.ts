import { toSqlite } from "./dialect.js";
import * as t from "./tables.js";

export const organizations = toSqlite(t.organizations);
export const apps = toSqlite(t.apps);
export const apiKeys = toSqlite(t.apiKeys);
export const signingKeys = toSqlite(t.signingKeys);
export const auditLog = toSqlite(t.auditLog);
export const channels = toSqlite(t.channels);
export const contacts = toSqlite(t.contacts);
export const conversations = toSqlite(t.conversations);
export const messages = toSqlite(t.messages);
export const inboundEvents = toSqlite(t.inboundEvents);
export const outbox = toSqlite(t.outbox);
