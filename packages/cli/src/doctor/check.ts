/** One line of `skill doctor`: ok, warn (works, but look at it) or fail (broken: exit code 1). */
export type CheckStatus = "ok" | "warn" | "fail";

export interface Check {
  name: string;
  status: CheckStatus;
  message: string;
}

export const check = (name: string, status: CheckStatus, message: string): Check => ({ name, status, message });

/** How long a reachability probe may take before it counts as unreachable. */
export const PROBE_TIMEOUT_MS = 5000;

/** An error as one line (SDK errors can span several), with its cause: "fetch failed" alone says little. */
export function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : "";
  return `${message}${cause}`.split("\n")[0] ?? "";
}

/** A URL as shown to the operator: scheme, host and path, never credentials or a query string. */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname === "/" ? "" : parsed.pathname}`;
  } catch {
    return "(invalid URL)";
  }
}

/** Replaces every known secret in a message, in case a vendor error echoes one back. */
export function redact(message: string, secrets: readonly string[]): string {
  return secrets.reduce((text, secret) => (secret.length >= 6 ? text.split(secret).join("***") : text), message);
}

export function withTimeout<T>(work: Promise<T>, ms = PROBE_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
