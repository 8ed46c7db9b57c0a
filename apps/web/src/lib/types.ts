/**
 * The API's shapes as the dashboard reads them: the types of `@support/contract`, the zod schemas
 * the API's routes validate and document (/openapi.json) with. Nothing here is written by hand, so
 * a change of the API's contract that the dashboard does not follow fails typecheck.
 */
import type {
  ActionExecutionView,
  AnalyticsView,
  ApiKeyView,
  AppSettingsView,
  AppView,
  AuditEntryView,
  AutonomyCheckView,
  CitationView,
  AnalyticsFigures as ContractAnalyticsFigures,
  ChannelView as ContractChannelView,
  MetricId as ContractMetricId,
  SlackView as ContractSlackView,
  ConversationDetailView,
  ConversationView,
  CreatedAppView,
  CustomerErasedView,
  DraftActionView,
  DraftCustomerView,
  DraftView,
  GateResultView,
  MessageView,
  NotificationView,
  PlatformMailView,
  SandboxMessageView,
  ShadowCategoryView,
  SigningKeysView,
  TrustHistoryView,
  TrustScoreView,
} from "@support/contract";

export type { DraftStatus, Page, Role } from "@support/contract";

export type AppSettings = AppSettingsView;
export type SupportApp = AppView;
export type CreatedApp = CreatedAppView;
export type PlatformMail = PlatformMailView;
export type CustomerErased = CustomerErasedView;
export type Citation = CitationView;
export type GateResult = GateResultView;
export type AutonomyCheck = AutonomyCheckView;
export type Draft = DraftView;
export type DraftCustomer = DraftCustomerView;
export type Purchase = DraftCustomerView["purchases"][number];
export type DraftAction = DraftActionView;
export type ActionExecution = ActionExecutionView;
export type Message = MessageView;
export type Conversation = ConversationView;
export type ConversationDetail = ConversationDetailView;
export type ChannelView = ContractChannelView;
export type AuditEntry = AuditEntryView;
export type SandboxMessage = SandboxMessageView;
export type ApiKey = ApiKeyView;
export type TrustRow = TrustScoreView;
export type ShadowRow = ShadowCategoryView;
/** A notification of GET /api/v1/notifications: something that needs a person. */
export type Attention = NotificationView;
/** GET /api/v1/slack: the connection, never its secrets. */
export type SlackView = ContractSlackView;
export type AnalyticsFigures = ContractAnalyticsFigures;
export type MetricId = ContractMetricId;
export type AnalyticsReport = AnalyticsView;
export type TrustHistory = TrustHistoryView;
export type SigningKeys = SigningKeysView;
