import type { Ports, SlackConnection } from "@support/core";
import { createSlackApi, type SlackApi } from "@support/slack";

/**
 * Slack's API URL is the tenant's to set (self-hosted gateways, tests), so its host goes
 * through the outbound check (ADR 0100) before every call. The official SDK connects through
 * axios and takes no `fetch`, so unlike the other kinds the connection resolves the name again
 * after the check; docs/security.md records that residual window. Slack's own URL is not checked.
 */
export function guardedSlackApi(outbound: Ports["outbound"]): (connection: SlackConnection) => SlackApi {
  return (connection) => {
    const api = createSlackApi(connection);
    const apiUrl = connection.apiUrl;
    if (!apiUrl) return api;
    const checked = async () => {
      const url = new URL(apiUrl);
      if (url.protocol !== "https:" && url.protocol !== "http:") {
        throw new Error(`refused: the Slack API URL must be http(s), not ${url.protocol}`);
      }
      await outbound.resolveHost(url.hostname);
    };
    return {
      postMessage: async (input) => {
        await checked();
        return api.postMessage(input);
      },
      update: async (input) => {
        await checked();
        return api.update(input);
      },
      postEphemeral: async (input) => {
        await checked();
        return api.postEphemeral(input);
      },
      openView: async (input) => {
        await checked();
        return api.openView(input);
      },
    };
  };
}
