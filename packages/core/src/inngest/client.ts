import { Inngest, type Logger } from "inngest";
import type { InngestSettings } from "../config.js";

/** The Inngest app id: function ids are prefixed with it (`support-<function id>`). */
export const INNGEST_APP_ID = "support";

/**
 * The one Inngest client of the platform, built from the validated settings (never from the
 * environment, which the SDK would otherwise read on its own).
 *
 * Embedded mode uses the SDK's dev mode: the serve handler then skips signature checks. That is
 * safe because the embedded engine calls the handler in-process (no network hop) and
 * `/api/inngest` is not mounted in embedded mode (see docs/adr/0040-embedded-workflow-engine.md).
 */
export function createInngestClient(settings: InngestSettings, logger?: Logger) {
  const logging = logger ? { logger, internalLogger: logger } : {};
  switch (settings.mode) {
    case "cloud":
      return new Inngest({
        id: INNGEST_APP_ID,
        ...logging,
        isDev: false,
        eventKey: settings.eventKey,
        signingKey: settings.signingKey,
        baseUrl: settings.baseUrl,
      });
    case "dev":
      return new Inngest({ id: INNGEST_APP_ID, ...logging, isDev: true, baseUrl: settings.baseUrl });
    case "embedded":
      return new Inngest({ id: INNGEST_APP_ID, ...logging, isDev: true });
  }
}

export type SupportInngest = ReturnType<typeof createInngestClient>;
