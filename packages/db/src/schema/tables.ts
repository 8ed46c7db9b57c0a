import { billingAccounts, billingEvents, quotaWarnings } from "./billing-tables.js";
import { leads, products, quotes, shopSettings } from "./commerce-tables.js";
import { deliveries, sandboxMessages } from "./delivery-tables.js";
import { c, type TableDef } from "./dialect.js";
import { draftOutcomes, drafts } from "./draft-tables.js";
import {
  engineConcurrencySlots,
  engineCrons,
  engineEvents,
  engineRuns,
  engineSteps,
  engineWaits,
} from "./engine-tables.js";
import { storedFiles } from "./file-tables.js";
import { frontPluginConfigs } from "./front-plugin-tables.js";
import { actionExecutions, appIntegrations, stripeAccounts } from "./integration-tables.js";
import { knowledgeChunks, knowledgeDocuments, knowledgeSources } from "./knowledge-tables.js";
import { platformMails } from "./mail-tables.js";
import { notifications } from "./notification-tables.js";
import { procedureRuns, procedures, taskConnections, tasks, triageConfigs } from "./procedure-tables.js";
import { replyRatings } from "./rating-tables.js";
import { slackCards, slackConfigs } from "./slack-tables.js";
import { webhookReplayKeys } from "./webhook-tables.js";

/**
 * Every table of the platform, described once. Tenant-owned tables carry `orgId`; there are
 * no foreign keys (PlanetScale style): relations are enforced by the data-layer functions.
 */
const define = <T extends TableDef>(def: T) => def;

export const organizations = define({
  name: "organizations",
  columns: {
    id: c.id().primary(),
    name: c.string(200).required(),
    slug: c.string(100).required(),
    logo: c.string(500).optional(),
    metadata: c.text().optional(),
    createdAt: c.time().required(),
  },
  uniques: [{ name: "organizations_slug_uq", columns: ["slug"] }],
  indexes: [],
});

export const apps = define({
  name: "apps",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    slug: c.string(100).required(),
    name: c.string(200).required(),
    settings: c.json().required(),
    createdAt: c.time().required(),
    updatedAt: c.time().required(),
  },
  uniques: [{ name: "apps_org_slug_uq", columns: ["orgId", "slug"] }],
  indexes: [],
});

export const apiKeys = define({
  name: "api_keys",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    name: c.string(200).required(),
    prefix: c.string(32).required(),
    hash: c.string(64).required(),
    role: c.string(16).required(),
    lastUsedAt: c.time().optional(),
    revokedAt: c.time().optional(),
    createdAt: c.time().required(),
  },
  uniques: [{ name: "api_keys_hash_uq", columns: ["hash"] }],
  indexes: [{ name: "api_keys_org_idx", columns: ["orgId"] }],
});

export const signingKeys = define({
  name: "signing_keys",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    appId: c.id().required(),
    secretCiphertext: c.text().required(),
    keyVersion: c.int().required(),
    active: c.bool().required(),
    createdAt: c.time().required(),
  },
  uniques: [],
  indexes: [{ name: "signing_keys_app_idx", columns: ["orgId", "appId"] }],
});

export const auditLog = define({
  name: "audit_log",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    actor: c.string(100).required(),
    action: c.string(100).required(),
    subject: c.string(100).required(),
    data: c.json().optional(),
    traceId: c.string(64).optional(),
    createdAt: c.time().required(),
  },
  uniques: [],
  indexes: [{ name: "audit_log_org_time_idx", columns: ["orgId", "createdAt"] }],
});

export const channels = define({
  name: "channels",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    appId: c.id().required(),
    kind: c.string(16).required(),
    /** Non-secret settings (base URLs, phone-number id, agent id ...), returned by the API. */
    settings: c.json().required(),
    /** Secrets (app secrets, API tokens, verify tokens), encrypted; never returned. */
    credentialsCiphertext: c.text().optional(),
    status: c.string(16).required(),
    createdAt: c.time().required(),
    updatedAt: c.time().required(),
  },
  uniques: [{ name: "channels_app_kind_uq", columns: ["orgId", "appId", "kind"] }],
  indexes: [],
});

export const contacts = define({
  name: "contacts",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    appId: c.id().required(),
    email: c.string(320).optional(),
    phone: c.string(32).optional(),
    name: c.string(200).optional(),
    externalId: c.string(200).optional(),
    createdAt: c.time().required(),
    updatedAt: c.time().required(),
  },
  uniques: [],
  indexes: [
    { name: "contacts_email_idx", columns: ["orgId", "email"] },
    { name: "contacts_phone_idx", columns: ["orgId", "phone"] },
    { name: "contacts_external_idx", columns: ["orgId", "externalId"] },
  ],
});

export const conversations = define({
  name: "conversations",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    appId: c.id().required(),
    contactId: c.id().required(),
    channelKind: c.string(16).required(),
    externalId: c.string(200).required(),
    subject: c.string(500).optional(),
    status: c.string(16).required(),
    assignee: c.string(200).optional(),
    tags: c.json().optional(),
    lastMessageAt: c.time().required(),
    /** When the conversation was last closed; null while it is open (analytics' time to resolution). */
    closedAt: c.time().optional(),
    createdAt: c.time().required(),
    updatedAt: c.time().required(),
    /** Who took the conversation over (the AI drafts nothing on it until released); null when nobody. */
    takenOverBy: c.string(200).optional(),
    /** Where a procedure left the conversation (awaiting_information, quoted, validated, refused); null without one. */
    procedureStatus: c.string(32).optional(),
  },
  uniques: [{ name: "conversations_external_uq", columns: ["orgId", "appId", "channelKind", "externalId"] }],
  indexes: [
    { name: "conversations_recent_idx", columns: ["orgId", "appId", "lastMessageAt"] },
    { name: "conversations_status_idx", columns: ["orgId", "status", "lastMessageAt"] },
    { name: "conversations_created_idx", columns: ["orgId", "createdAt"] },
  ],
});

export const messages = define({
  name: "messages",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    conversationId: c.id().required(),
    /** inbound (customer), outbound (us or a teammate), internal (a comment customers never see). */
    direction: c.string(16).required(),
    authorKind: c.string(16).required(),
    authorName: c.string(200).optional(),
    /** text, image, document, audio, video, location, contacts, interactive, email ... */
    kind: c.string(16).required(),
    externalId: c.string(200).optional(),
    text: c.text().required(),
    html: c.text().optional(),
    attachments: c.json().optional(),
    /** Channel-specific extras (WhatsApp location, Front preview flag, email threading ids). */
    metadata: c.json().optional(),
    inboundEventId: c.id().optional(),
    createdAt: c.time().required(),
  },
  uniques: [{ name: "messages_external_uq", columns: ["orgId", "conversationId", "externalId"] }],
  indexes: [{ name: "messages_conversation_idx", columns: ["orgId", "conversationId", "createdAt"] }],
});

/** Raw webhook deliveries, stored before acknowledging; the vendor's event id makes redelivery a no-op. */
export const inboundEvents = define({
  name: "inbound_events",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    appId: c.id().required(),
    channelKind: c.string(16).required(),
    vendorEventId: c.string(200).required(),
    eventType: c.string(100).required(),
    /** A few request headers (never signatures or authorization). */
    headers: c.json().required(),
    payload: c.text().required(),
    /** stored (processed), ignored (acknowledged, not a message), rejected (with `reason`). */
    status: c.string(16).required(),
    reason: c.text().optional(),
    receivedAt: c.time().required(),
  },
  uniques: [{ name: "inbound_events_vendor_uq", columns: ["appId", "channelKind", "vendorEventId"] }],
  indexes: [{ name: "inbound_events_org_idx", columns: ["orgId", "receivedAt"] }],
});

/** Events written in the same transaction as the data they describe, published afterwards. */
export const outbox = define({
  name: "outbox",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    name: c.string(100).required(),
    payload: c.json().required(),
    attempts: c.int().required(),
    lastError: c.text().optional(),
    nextAttemptAt: c.time().required(),
    createdAt: c.time().required(),
    publishedAt: c.time().optional(),
  },
  uniques: [],
  indexes: [{ name: "outbox_pending_idx", columns: ["publishedAt", "nextAttemptAt"] }],
});

/*
 * better-auth's tables (users, sessions, accounts, verifications, members, invitations). Their
 * property names are the fields better-auth expects; members and invitations map its
 * `organizationId` to our `orgId` so tenancy reads the same everywhere.
 */
export const users = define({
  name: "users",
  columns: {
    id: c.id().primary(),
    name: c.string(200).required(),
    email: c.string(320).required(),
    emailVerified: c.bool().required(),
    image: c.string(1000).optional(),
    createdAt: c.time().required(),
    updatedAt: c.time().required(),
  },
  uniques: [{ name: "users_email_uq", columns: ["email"] }],
  indexes: [],
});

export const sessions = define({
  name: "sessions",
  columns: {
    id: c.id().primary(),
    userId: c.id().required(),
    token: c.string(200).required(),
    expiresAt: c.time().required(),
    ipAddress: c.string(64).optional(),
    userAgent: c.text().optional(),
    activeOrganizationId: c.id().optional(),
    createdAt: c.time().required(),
    updatedAt: c.time().required(),
  },
  uniques: [{ name: "sessions_token_uq", columns: ["token"] }],
  indexes: [{ name: "sessions_user_idx", columns: ["userId"] }],
});

export const accounts = define({
  name: "accounts",
  columns: {
    id: c.id().primary(),
    userId: c.id().required(),
    accountId: c.string(200).required(),
    providerId: c.string(100).required(),
    accessToken: c.text().optional(),
    refreshToken: c.text().optional(),
    idToken: c.text().optional(),
    accessTokenExpiresAt: c.time().optional(),
    refreshTokenExpiresAt: c.time().optional(),
    scope: c.string(500).optional(),
    password: c.string(500).optional(),
    createdAt: c.time().required(),
    updatedAt: c.time().required(),
  },
  uniques: [],
  indexes: [{ name: "accounts_user_idx", columns: ["userId"] }],
});

export const verifications = define({
  name: "verifications",
  columns: {
    id: c.id().primary(),
    identifier: c.string(320).required(),
    value: c.text().required(),
    expiresAt: c.time().required(),
    createdAt: c.time().required(),
    updatedAt: c.time().required(),
  },
  uniques: [],
  indexes: [{ name: "verifications_identifier_idx", columns: ["identifier"] }],
});

export const members = define({
  name: "members",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    userId: c.id().required(),
    role: c.string(16).required(),
    createdAt: c.time().required(),
  },
  uniques: [{ name: "members_org_user_uq", columns: ["orgId", "userId"] }],
  indexes: [{ name: "members_user_idx", columns: ["userId"] }],
});

export const invitations = define({
  name: "invitations",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    email: c.string(320).required(),
    role: c.string(16).optional(),
    status: c.string(16).required(),
    expiresAt: c.time().required(),
    inviterId: c.id().required(),
    createdAt: c.time().required(),
  },
  uniques: [],
  indexes: [{ name: "invitations_org_email_idx", columns: ["orgId", "email"] }],
});

export const tableDefs = {
  users,
  sessions,
  accounts,
  verifications,
  members,
  invitations,
  organizations,
  apps,
  apiKeys,
  signingKeys,
  auditLog,
  channels,
  contacts,
  conversations,
  messages,
  inboundEvents,
  outbox,
  deliveries,
  sandboxMessages,
  drafts,
  draftOutcomes,
  knowledgeSources,
  knowledgeDocuments,
  knowledgeChunks,
  engineEvents,
  engineRuns,
  engineSteps,
  engineWaits,
  engineConcurrencySlots,
  engineCrons,
  slackConfigs,
  slackCards,
  notifications,
  appIntegrations,
  actionExecutions,
  stripeAccounts,
  billingAccounts,
  billingEvents,
  triageConfigs,
  procedures,
  products,
  quotes,
  procedureRuns,
  tasks,
  taskConnections,
  shopSettings,
  leads,
  frontPluginConfigs,
  platformMails,
  webhookReplayKeys,
  replyRatings,
  quotaWarnings,
  storedFiles,
} as const;
