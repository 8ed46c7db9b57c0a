/** The API's shapes as the dashboard reads them (see /openapi.json). */
export type Role = "owner" | "admin" | "agent";

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface AppSettings {
  tone: string;
  language: string;
  autonomyTier: "suggest" | "one_click" | "auto_send";
  trustThreshold: number;
  confidenceFloor: number;
  minOutcomes: number;
  neverAutoSend: string[];
  shadowMode: boolean;
  approvalSlaHours: number;
}

export interface SupportApp {
  id: string;
  slug: string;
  name: string;
  settings: AppSettings;
  webhookUrls: Record<string, string>;
  createdAt: string;
}

export interface Citation {
  passageId: string;
  sourceId: string;
  title: string;
  url: string | null;
}

export interface GateResult {
  gate: string;
  passed: boolean;
  reason?: string;
  findings?: string[];
}

export interface AutonomyCheck {
  condition: string;
  passed: boolean;
  detail: string;
}

export type DraftStatus =
  | "pending_approval"
  | "approved"
  | "sent"
  | "auto_sent"
  | "rejected"
  | "escalated"
  | "superseded"
  | "expired"
  | "declined"
  | "failed";

export interface Draft {
  id: string;
  appId: string;
  conversationId: string;
  messageId: string;
  status: DraftStatus;
  category: string;
  text: string;
  sentText: string | null;
  citations: Citation[];
  triage: Record<string, unknown>;
  gates: GateResult[];
  decision: { autoSend?: boolean; wouldAutoSend?: boolean; reasons?: string[]; checks?: AutonomyCheck[] };
  /** Model calls of the run (step, model, tokens…), as the pipeline recorded them. */
  usage: Record<string, unknown>[];
  traceId: string;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
  /** The product app's data on the customer and the calls that failed; null when the app has no integration. */
  customer: DraftCustomer | null;
  actions: DraftAction[];
  executions: ActionExecution[];
  createdAt: string;
}

export interface Purchase {
  id: string;
  productName: string;
  amount: number;
  currency: string;
  purchasedAt: string;
  status: string;
  refundedAmount?: number;
}

export interface DraftCustomer {
  user: { id: string; name?: string; email?: string } | null;
  purchases: Purchase[];
  subscriptions: { id: string; plan: string; status: string }[];
  charges: { id: string; amount: number; currency: string }[];
  failures: { action: string; error: string }[];
}

export interface DraftAction {
  id: string;
  action: string;
  input: Record<string, unknown>;
  risk: "read" | "low_impact_write" | "approval_required";
  autoApprovable: boolean;
  reason: string;
  via: "stripe" | "app" | "recorded";
  approved?: boolean;
}

export interface ActionExecution {
  id: string;
  action: string;
  status: "running" | "succeeded" | "failed";
  result: unknown;
  error: string | null;
}

export interface Message {
  id: string;
  direction: "inbound" | "outbound" | "internal";
  authorKind: string;
  authorName: string | null;
  text: string;
  createdAt: string;
}

export interface Conversation {
  id: string;
  appId: string;
  channel: string;
  subject: string | null;
  status: string;
  lastMessageAt: string;
}

export interface ConversationDetail extends Conversation {
  contact: { id: string; name: string | null; email: string | null; phone: string | null } | null;
  messages: Message[];
}

export interface ChannelView {
  kind: string;
  status: "active" | "incomplete" | "disabled";
  settings: Record<string, unknown>;
  secretsSet: string[];
  webhookUrl: string;
}

export interface AuditEntry {
  id: string;
  actor: string;
  action: string;
  subject: string;
  data: unknown;
  traceId: string | null;
  createdAt: string;
}

export interface SandboxMessage {
  id: string;
  conversationId: string;
  channel: string;
  recipient: string | null;
  subject: string | null;
  text: string;
  createdAt: string;
}

export interface ApiKey {
  id: string;
  name: string;
  role: Role;
  prefix?: string;
  createdAt: string;
  revokedAt?: string | null;
}

export interface TrustRow {
  category: string;
  score: number | null;
  samples: number;
}

export interface ShadowRow {
  category: string;
  decided: number;
  wouldAutoSend: number;
  right: number;
  precision: number | null;
  coverage: number | null;
}

/** A notification of GET /api/v1/notifications: something that needs a person. */
export interface Attention {
  id: string;
  kind: "approval_reminder" | "escalation" | "reply_failed";
  appId: string | null;
  conversationId: string | null;
  draftId: string | null;
  reason: string;
  postedToSlack: boolean;
  createdAt: string;
}

/** GET /api/v1/slack: the connection, never its secrets. */
export interface SlackView {
  configured: boolean;
  channelId: string | null;
  summaryChannelId: string | null;
  appId: string | null;
  apiUrl: string | null;
  secretsSet: string[];
  updatedAt: string | null;
}

export interface AnalyticsFigures {
  conversations: number;
  byChannel: Record<string, number>;
  byCategory: Record<string, number>;
  responded: number;
  firstResponseAvgMs: number | null;
  resolved: number;
  resolutionAvgMs: number | null;
  deflected: number;
  deflectionRate: number | null;
  drafts: number;
  autoSent: number;
  autoSendRate: number | null;
  humanDecided: number;
  approved: number;
  approvalRate: number | null;
  unchanged: number;
  edited: number;
  rewritten: number;
}

export type MetricId =
  | "volume"
  | "firstResponse"
  | "resolution"
  | "approvalRate"
  | "editRate"
  | "autoSendRate"
  | "deflection";

export interface AnalyticsReport {
  range: { from: string; to: string; bucket: "day" | "week"; app: string | null };
  definitions: Record<MetricId, { label: string; definition: string }>;
  channels: string[];
  categories: string[];
  totals: AnalyticsFigures;
  buckets: (AnalyticsFigures & { start: string })[];
}

export interface TrustHistory {
  range: { from: string; to: string };
  threshold: number;
  minOutcomes: number;
  categories: string[];
  points: { date: string; category: string; score: number | null; samples: number }[];
}

export interface SigningKeys {
  appId: string;
  keys: { id: string; version: number; createdAt: string }[];
}
