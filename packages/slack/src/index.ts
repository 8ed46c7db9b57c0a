export { type CardContext, decisionLine } from "./card.js";
export { postApprovalCard, refreshApprovalCard } from "./cards.js";
export type { SlackClient, SlackDeps } from "./deps.js";
export {
  type PostedMessage,
  postApprovalReminder,
  postDailySummary,
  postEscalationMessage,
  postReplyFailedMessage,
} from "./messages.js";
export { createSlackNotifier } from "./notifier.js";
export { createSlackReceiver, type SlackHttpRequest, type SlackHttpResponse, type SlackReceiver } from "./receiver.js";
export { createSlackApi, type SlackApi } from "./slack-api.js";
export { subscribeSlack } from "./subscribe.js";
