import type { Counters, SlackConnection } from "@support/core";
import type { Database, SecretBox } from "@support/db";
import type { Logger } from "pino";
import type { SlackApi } from "./slack-api.js";

/** What the Slack app needs from the platform, passed in so tests and the server wire it the same way. */
export interface SlackDeps {
  database: Database;
  secrets: SecretBox;
  publicUrl: string;
  logger: Logger;
  counters: Counters;
  /** Wakes the outbox relay after a decision so the card and the send follow at once. */
  notify(): void;
  /** The Web API client for a connection (the adapter over the official SDK). */
  slackApi(connection: SlackConnection): SlackApi;
}
