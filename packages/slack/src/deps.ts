import type { Actor, Platform, SlackConnection } from "@support/core";
import type { Logger } from "pino";
import type { SlackApi } from "./slack-api.js";

/** What talking to Slack needs: the Web API client for a connection (the adapter over the official SDK), and a logger. */
export interface SlackClient {
  logger: Logger;
  slackApi(connection: SlackConnection): SlackApi;
}

/**
 * What the Slack app's entry points (the request receiver, the event subscriber) need besides:
 * the platform, to act in the organization a request or an event belongs to. The composition
 * root builds it (`slackDeps`), so tests and the server wire it the same way.
 */
export interface SlackDeps extends SlackClient {
  platform: Platform;
}

/** The Slack app itself, reading what it posts (cards, reminders, summaries); it decides nothing. */
export const SLACK_APP: Actor = { kind: "slack", role: "agent", name: "slack" };

/** A Slack user deciding on a draft, named as the audit log and the card show them. */
export function slackActor(user: { id: string; username?: string; name?: string }): Actor {
  return { kind: "slack", role: "agent", name: `slack:${user.username ?? user.name ?? user.id}` };
}
