import { Writable } from "node:stream";
import { Axiom } from "@axiomhq/js";
import pino, { type Logger } from "pino";

export interface LoggerWithShipping {
  logger: Logger;
  /** Sends what is buffered for Axiom; call before exiting. */
  flush(): Promise<void>;
}

const REDACT = ["*.authorization", "*.token", "*.secret", "*.password", "*.apiKey", "*.email", "*.phone"];

/**
 * JSON logs to stdout, and to Axiom as well when a token is configured (the batching client,
 * built only then: unconfigured it would reach for Axiom's cloud). Shipping failures are
 * reported on stderr and never break the request that logged.
 */
export function createLogger(options: {
  level: string;
  axiom?: { token: string; dataset: string; url?: string };
  stdout?: NodeJS.WritableStream;
}): LoggerWithShipping {
  const stdout = options.stdout ?? process.stdout;
  if (!options.axiom) {
    return { logger: pino({ level: options.level, redact: REDACT }, stdout), flush: async () => {} };
  }
  const { dataset } = options.axiom;
  const axiom = new Axiom({
    token: options.axiom.token,
    url: options.axiom.url,
    onError: (error) => process.stderr.write(`axiom log shipping failed: ${error.message}\n`),
  });
  const shipper = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n")) {
        if (!line.trim()) continue;
        try {
          axiom.ingest(dataset, JSON.parse(line));
        } catch {
          // Not a JSON line: nothing to ship.
        }
      }
      done();
    },
  });
  const streams = pino.multistream([{ stream: stdout }, { stream: shipper }]);
  return { logger: pino({ level: options.level, redact: REDACT }, streams), flush: () => axiom.flush() };
}
