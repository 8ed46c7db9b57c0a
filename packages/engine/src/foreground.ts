/**
 * Request-path work goes ahead of background work in this process. The embedded engine, the
 * pipeline it runs and the outbox relay share one event loop (and, on SQLite, one synchronous
 * database) with the HTTP server; left alone, a burst of drafting keeps that loop busy for
 * hundreds of milliseconds at a time and webhook acknowledgements wait behind it (ADR 0045).
 */
export interface ForegroundGate {
  /** Runs request-path work (an HTTP request), counted as in flight until it settles. */
  track<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Background work awaits this before each unit (an engine call, a relay batch). It first
   * yields to the event loop, so pending I/O (new requests) is taken in; then, while requests
   * are in flight, it waits until they are done, but one waiting unit is let through every
   * `backgroundEveryMs` so background work slows down under load and never starves.
   */
  turn(): Promise<void>;
  /** Requests in flight now. */
  inFlight(): number;
}

export interface ForegroundGateOptions {
  backgroundEveryMs?: number;
}

export function createForegroundGate(options: ForegroundGateOptions = {}): ForegroundGate {
  const everyMs = options.backgroundEveryMs ?? 50;
  const waiting: (() => void)[] = [];
  let inFlight = 0;
  let trickle: NodeJS.Timeout | undefined;

  function stopTrickle() {
    if (trickle) clearInterval(trickle);
    trickle = undefined;
  }

  function releaseAll() {
    stopTrickle();
    for (const release of waiting.splice(0)) release();
  }

  function startTrickle() {
    if (trickle) return;
    trickle = setInterval(() => {
      waiting.shift()?.();
      if (waiting.length === 0) stopTrickle();
    }, everyMs);
    trickle.unref();
  }

  return {
    async track(work) {
      inFlight += 1;
      try {
        return await work();
      } finally {
        inFlight -= 1;
        if (inFlight === 0) releaseAll();
      }
    },
    async turn() {
      await yieldToEventLoop();
      if (inFlight === 0) return;
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
        startTrickle();
      });
    },
    inFlight: () => inFlight,
  };
}

/** Resumes after the event loop's I/O phase, so requests that arrived meanwhile are taken in. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
