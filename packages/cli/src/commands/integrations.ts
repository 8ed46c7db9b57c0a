import type { IntegrationHealth, IntegrationView, IntegrationWithSecret, RotatedIntegration } from "@support/contract";
import { CliError, type Output } from "../output.js";
import type { RemoteApi } from "../remote.js";

/** The product app's integration, on the local DATA_DIR or on a server. */
export interface IntegrationsBackend {
  integrate(
    app: string,
    input: { url: string; secret?: string; policy?: Record<string, number> },
  ): Promise<IntegrationWithSecret>;
  show(app: string): Promise<IntegrationView>;
  health(app: string): Promise<IntegrationHealth>;
  rotate(app: string, secret?: string): Promise<RotatedIntegration>;
  removeOldSecret(app: string): Promise<IntegrationView>;
}

export function remoteIntegrations(api: RemoteApi): IntegrationsBackend {
  const base = (app: string) => `/api/v1/apps/${encodeURIComponent(app)}/integration`;
  return {
    integrate: (app, input) => api.request("PUT", base(app), input),
    show: (app) => api.request("GET", base(app)),
    health: (app) => api.request("GET", `${base(app)}/health`),
    rotate: (app, secret) => api.request("POST", `${base(app)}/rotate`, secret === undefined ? {} : { secret }),
    removeOldSecret: (app) => api.request("DELETE", `${base(app)}/old-secret`),
  };
}

export interface IntegrationsOptions {
  app?: string;
  url?: string;
  secret?: string;
  refundAutoDays?: string;
  refundAutoBelow?: string;
}

function policyFrom(opts: IntegrationsOptions): Record<string, number> | undefined {
  const toInt = (flag: string, value: string) => {
    if (!/^\d+$/.test(value)) throw new CliError(`--${flag} must be a whole number`);
    return Number(value);
  };
  const policy: Record<string, number> = {};
  if (opts.refundAutoDays !== undefined) policy.refundAutoApproveDays = toInt("refund-auto-days", opts.refundAutoDays);
  if (opts.refundAutoBelow !== undefined)
    policy.refundAutoApproveBelow = toInt("refund-auto-below", opts.refundAutoBelow);
  return Object.keys(policy).length ? policy : undefined;
}

const secretLines = (secret: string | undefined, app: string) =>
  secret
    ? [
        `Secret (shown once, store it in the app now): ${secret}`,
        `Give it to the app's createSupportHandler({ secrets }), then run: skill apps health --app ${app}`,
      ]
    : [];

/** `skill apps integrate|health|rotate-secret|remove-old-secret --app <app>`. */
export async function integrationsCommand(
  backend: IntegrationsBackend,
  out: Output,
  sub: string | undefined,
  opts: IntegrationsOptions,
) {
  if (!opts.app) throw new CliError(`apps ${sub} needs --app <app>`);
  const app = opts.app;
  switch (sub) {
    case "integrate": {
      if (!opts.url) throw new CliError("apps integrate needs --url <the app's signed support endpoint>");
      const result = await backend.integrate(app, { url: opts.url, secret: opts.secret, policy: policyFrom(opts) });
      return out.result(result, () => [
        `${app} is called at ${result.integration.url}.`,
        ...secretLines(result.secret, app),
      ]);
    }
    case "health": {
      const report = await backend.health(app);
      out.result(report, () =>
        report.ok
          ? [
              `ok in ${report.latencyMs} ms (SDK ${report.sdkVersion}) at ${report.url}`,
              `capabilities: ${report.capabilities?.join(", ") || "none"}`,
            ]
          : [`failed after ${report.latencyMs} ms at ${report.url}: ${report.error?.message}`],
      );
      if (!report.ok) throw new CliError(`${app} did not answer describe`);
      return;
    }
    case "rotate-secret": {
      const result = await backend.rotate(app, opts.secret);
      return out.result(result, () => [
        `New secret (shown once): ${result.secret}`,
        "Calls are signed with the new and the old secret until you run:",
        `  skill apps remove-old-secret --app ${app}`,
      ]);
    }
    case "remove-old-secret": {
      const view = await backend.removeOldSecret(app);
      return out.result(view, () => [`Only the newest secret signs calls to ${app} now.`]);
    }
    default:
      throw new CliError("usage: skill apps integrate|health|rotate-secret|remove-old-secret --app <app>");
  }
}
