import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { networkInterfaces } from "node:os";

/** An HTTP listener that records every request it receives: the SSRF tests' tripwire. */
export interface Listener {
  url: string;
  host: string;
  port: number;
  hits: string[];
  close(): Promise<void>;
}

export async function listen(
  host: string,
  answer: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end("internal secret page"),
): Promise<Listener> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    answer(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    host,
    port,
    hits,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/**
 * The machine's own non-loopback addresses (a container's private address, an IPv6 ULA), where
 * it has some: listeners there must receive nothing either, since only 127.0.0.0/8 is allowed.
 */
export function localPrivateAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && !a.internal && (a.family === "IPv4" || !a.address.startsWith("fe80")))
    .map((a) => a?.address as string);
}
