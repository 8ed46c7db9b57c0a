import { Inngest, type Logger } from "inngest";

/**
 * Where workflows run. `embedded`: the in-process engine over the product's database (the
 * default). `cloud`: Inngest Cloud (event and signing keys). `dev`: a self-hosted
 * `inngest start` or the dev server at a base URL, without signing.
 */
export type InngestSettings =
  | { mode: "embedded" }
  | { mode: "cloud"; eventKey: string; signingKey: string; baseUrl?: string }
  | { mode: "dev"; baseUrl?: string };

/**
 * The one Inngest client of an application, built from validated settings (never from the
 * environment, which the SDK would otherwise read on its own). Function ids are prefixed with
 * `appId` (`<appId>-<function id>`).
 *
 * Embedded mode uses the SDK's dev mode: the serve handler then skips signature checks. That is
 * safe because the embedded engine calls the handler in-process (no network hop) and the serve
 * route is not mounted in embedded mode (see docs/adr/0040-embedded-workflow-engine.md).
 */
export function createInngestClient(settings: InngestSettings, options: { appId: string; logger?: Logger }) {
  const id = options.appId;
  const logging = options.logger ? { logger: options.logger, internalLogger: options.logger } : {};
  switch (settings.mode) {
    case "cloud":
      return new Inngest({
        id,
        ...logging,
        isDev: false,
        eventKey: settings.eventKey,
        signingKey: settings.signingKey,
        baseUrl: settings.baseUrl,
      });
    case "dev":
      return new Inngest({ id, ...logging, isDev: true, baseUrl: settings.baseUrl });
    case "embedded":
      return new Inngest({ id, ...logging, isDev: true });
  }
}

export type WorkflowClient = ReturnType<typeof createInngestClient>;
