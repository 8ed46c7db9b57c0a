import { toMysql } from "./dialect.js";
import * as t from "./tables.js";

export const organizations = toMysql(t.organizations);
export const apps = toMysql(t.apps);
export const apiKeys = toMysql(t.apiKeys);
export const signingKeys = toMysql(t.signingKeys);
export const auditLog = toMysql(t.auditLog);
export const channels = toMysql(t.channels);
export const contacts = toMysql(t.contacts);
export const conversations = toMysql(t.conversations);
export const messages = toMysql(t.messages);
export const inboundEvents = toMysql(t.inboundEvents);
export const outbox = toMysql(t.outbox);
