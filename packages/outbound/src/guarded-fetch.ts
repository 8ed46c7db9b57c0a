import { lookup as dnsLookup } from "node:dns/promises";
import { isIP, type LookupFunction } from "node:net";
import { Agent, fetch as undiciFetch } from "undici";
import { OutboundError, outboundErrorOf } from "./errors.js";
import type { OutboundNetworks } from "./networks.js";

/** A name's addresses, as `dns.lookup(name, { all: true })` answers; tests pass their own. */
export type Resolve = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

export interface GuardOptions {
  networks: OutboundNetworks;
  /** Whole request, redirects included (default 15 s). */
  timeoutMs?: number;
  /** Response body cap (default 5 MiB). */
  maxBytes?: number;
  /** Hops followed (default 5). */
  maxRedirects?: number;
  resolve?: Resolve;
}

export type GuardedFetch = typeof fetch;

const systemResolve: Resolve = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

function refusedAddress(host: string, verdict: string): OutboundError {
  const what = verdict === "metadata" ? "a cloud metadata address" : "a private or reserved address";
  return new OutboundError(
    "refused_address",
    `refused: ${host} is ${what}; outbound requests go only to public addresses (an operator can allow ranges with ALLOWED_OUTBOUND_NETWORKS, never metadata)`,
  );
}

/**
 * A tenant-set host (an SMTP server) resolved to the one address to connect to, every address
 * it resolves to checked: connect to the answer, never to the name again.
 */
export function createHostResolver(options: GuardOptions): (host: string) => Promise<string> {
  const resolve = options.resolve ?? systemResolve;
  return async (host) => {
    const bare = host.replace(/^\[|\]$/g, "");
    const addresses = isIP(bare) ? [{ address: bare, family: isIP(bare) }] : await resolve(bare);
    if (addresses.length === 0) throw new OutboundError("refused_address", `refused: ${host} has no address`);
    for (const { address } of addresses) {
      const verdict = options.networks.verdict(address);
      if (verdict === "internal" || verdict === "metadata") throw refusedAddress(host, verdict);
    }
    return addresses[0]?.address as string;
  };
}

/** What the platform reaches tenant-set addresses with: the guarded fetch and host resolver. */
export interface Outbound {
  fetch: GuardedFetch;
  resolveHost: (host: string) => Promise<string>;
}

export function createOutbound(options: GuardOptions): Outbound {
  return { fetch: createGuardedFetch(options), resolveHost: createHostResolver(options) };
}

/**
 * The connection's own name resolution: every address the name resolves to must pass, and the
 * socket connects to the address that was checked - a second answer (DNS rebinding) is never
 * asked for between the check and the connect.
 */
function guardedLookup(options: GuardOptions): LookupFunction {
  const resolve = options.resolve ?? systemResolve;
  return (hostname, lookupOptions, callback) => {
    const checked = resolve(hostname).then((addresses) => {
      if (addresses.length === 0) throw new OutboundError("refused_address", `refused: ${hostname} has no address`);
      for (const { address } of addresses) {
        const verdict = options.networks.verdict(address);
        if (verdict === "internal" || verdict === "metadata") throw refusedAddress(hostname, verdict);
      }
      const wanted = lookupOptions.family === 4 || lookupOptions.family === 6 ? lookupOptions.family : undefined;
      return addresses.filter((a) => !wanted || a.family === wanted);
    });
    checked.then(
      (usable) => {
        if (lookupOptions.all)
          callback(
            null,
            usable.map((a) => ({ address: a.address, family: a.family })),
          );
        else callback(null, usable[0]?.address ?? "", usable[0]?.family ?? 4);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 4),
    );
  };
}

function checkUrl(url: URL, networks: OutboundNetworks): void {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new OutboundError("refused_scheme", `refused: only http and https URLs are fetched, not ${url.protocol}`);
  }
  // A literal address never goes through the lookup: it is checked here.
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) {
    const verdict = networks.verdict(host);
    if (verdict === "internal" || verdict === "metadata") throw refusedAddress(url.hostname, verdict);
  }
}

/** The body, cut off with an error past `maxBytes` (whatever Content-Length claimed). */
function capped(body: ReadableStream<Uint8Array>, maxBytes: number, host: string): ReadableStream<Uint8Array> {
  let seen = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) {
          controller.error(new OutboundError("too_large", `refused: ${host} answered more than ${maxBytes} bytes`));
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * A `fetch` for every URL a tenant can set (ADR 0100): http(s) only; the name resolved and every
 * address checked at connect time against the refused ranges and the operator's allow-list;
 * redirects followed here, hop by hop, each hop checked the same way; the whole exchange bounded
 * in time and the answer in size. A refusal is an `OutboundError` (also as the `cause` of
 * fetch's TypeError), with a message the tenant may read.
 */
export function createGuardedFetch(options: GuardOptions): GuardedFetch {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 5;
  const dispatcher = new Agent({ connect: { lookup: guardedLookup(options) } });

  const guarded = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    if (input instanceof Request) throw new TypeError("the guarded fetch takes a URL and init, not a Request");
    const signal = init.signal
      ? AbortSignal.any([init.signal, AbortSignal.timeout(timeoutMs)])
      : AbortSignal.timeout(timeoutMs);
    let url = new URL(String(input));
    let method = (init.method ?? "GET").toUpperCase();
    let body = init.body;
    let headers = new Headers(init.headers);
    for (let hop = 0; ; hop++) {
      checkUrl(url, options.networks);
      let response: Response;
      try {
        response = (await undiciFetch(url, {
          method,
          headers: Object.fromEntries(headers),
          body: body as never,
          redirect: "manual",
          signal,
          dispatcher,
        })) as unknown as Response;
      } catch (error) {
        const refused = outboundErrorOf(error);
        if (refused) throw refused;
        if (signal.aborted && !init.signal?.aborted) {
          throw new OutboundError("timeout", `refused: ${url.hostname} did not answer within ${timeoutMs} ms`);
        }
        throw error;
      }
      const location = response.headers.get("location");
      if (REDIRECTS.has(response.status) && location && init.redirect !== "manual") {
        await response.body?.cancel();
        if (hop >= maxRedirects) {
          throw new OutboundError(
            "too_many_redirects",
            `refused: more than ${maxRedirects} redirects from ${url.hostname}`,
          );
        }
        const next = new URL(location, url);
        // A 303, or a 301/302 after a POST, becomes a GET without a body, as browsers do.
        if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === "POST")) {
          method = "GET";
          body = undefined;
          headers.delete("content-type");
        }
        // Credentials are for the origin they were given for.
        if (next.origin !== url.origin) {
          headers = new Headers(headers);
          headers.delete("authorization");
          headers.delete("cookie");
        }
        url = next;
        continue;
      }
      const declared = Number(response.headers.get("content-length") ?? "0");
      if (declared > maxBytes) {
        await response.body?.cancel();
        throw new OutboundError("too_large", `refused: ${url.hostname} answered more than ${maxBytes} bytes`);
      }
      if (!response.body) return response;
      return new Response(capped(response.body as ReadableStream<Uint8Array>, maxBytes, url.hostname), {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    }
  };
  return guarded as GuardedFetch;
}
