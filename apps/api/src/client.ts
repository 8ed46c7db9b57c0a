import { getConnInfo } from "@hono/node-server/conninfo";
import { clientAddress } from "@support/core";
import type { Context } from "hono";
import type { ApiEnv } from "./context.js";

/** The peer of the TCP connection; undefined for requests handed to the app without one. */
export function socketAddress(c: Context<ApiEnv>): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    // Requests handed to app.request() in tests have no socket.
    return undefined;
  }
}

/** The caller's address for rate limits: the socket's, or the proxy's last hop with TRUST_PROXY. */
export function callerAddress(c: Context<ApiEnv>): string {
  return clientAddress({
    socket: socketAddress(c),
    forwardedFor: c.req.header("x-forwarded-for"),
    trustProxy: c.get("runtime").config.trustProxy,
  });
}
