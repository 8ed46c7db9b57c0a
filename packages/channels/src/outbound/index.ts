export * from "./create-adapter.js";
export {
  createEmailReplyAdapter,
  createWebFormReplyAdapter,
  type EmailReplyConfig,
  replySubject,
  type SmtpConfig,
} from "./email.js";
export { createFrontReplyAdapter, FRONT_API_URL, type FrontReplyConfig } from "./front.js";
export { createGenericReplyAdapter, type GenericReplyConfig, type GenericReplyPayload } from "./generic.js";
export { createSmtpMailSender, type PlainMail, parseSmtpUrl } from "./platform-mail.js";
export * from "./port.js";
export { DEFAULT_RETRY_POLICY, parseRetryAfter, type RetryPolicy, retryPolicy } from "./retry.js";
export * from "./sandbox.js";
export * from "./status-callbacks.js";
export * from "./whatsapp.js";
export { createWidgetReplyAdapter } from "./widget.js";
export * from "./zendesk.js";
