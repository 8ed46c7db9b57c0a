/** The shapes of `@support/contract`'s widget schemas, as the browser bundle sees them (no zod shipped). */
export type {
  WidgetConversationView,
  WidgetFileView,
  WidgetMessageView,
  WidgetSessionView,
  WidgetSuggestionView,
} from "@support/contract";
