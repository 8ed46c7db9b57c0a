import { createHash } from "node:crypto";

/**
 * Remembers signed calls already served, so a captured request cannot be played again inside the
 * 5-minute window. Pluggable because several app instances need a shared store (Redis `SET NX EX`
 * is the usual one); the in-memory default protects a single process.
 */
export interface ReplayCache {
  /** Records `key` until `expiresAt` (unix seconds); answers false when it was already recorded. */
  remember(key: string, expiresAt: number): boolean | Promise<boolean>;
}

/**
 * The key is the signed timestamp and a digest of the raw body, not the `v1` values: a replay that
 * drops or reorders signatures (possible during rotation) still maps to the same key.
 */
export function replayKey(timestamp: number, body: Uint8Array | string): string {
  return `${timestamp}.${createHash("sha256").update(body).digest("hex")}`;
}

/**
 * Bounded in time (entries leave once their timestamp is outside the window, when the signature
 * check rejects them anyway) and in size (the oldest entry is evicted first, which only reopens
 * a replay of a call older than `maxEntries` newer ones).
 */
export class MemoryReplayCache implements ReplayCache {
  private readonly entries = new Map<string, number>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly now: () => number = () => Math.floor(Date.now() / 1000),
  ) {
    if (maxEntries < 1) throw new Error("maxEntries must be at least 1");
  }

  get size(): number {
    return this.entries.size;
  }

  remember(key: string, expiresAt: number): boolean {
    this.evictExpired();
    const existing = this.entries.get(key);
    if (existing !== undefined && existing >= this.now()) return false;
    this.entries.delete(key);
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    this.entries.set(key, expiresAt);
    return true;
  }

  private evictExpired(): void {
    const now = this.now();
    // Insertion order is close to expiry order (same tolerance for every entry), so stop at the first live one.
    for (const [key, expiresAt] of this.entries) {
      if (expiresAt >= now) break;
      this.entries.delete(key);
    }
  }
}
