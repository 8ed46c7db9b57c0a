import { LEAD_STAGES, type LeadStage, type LeadView } from "@support/contract";
import type { Invocation } from "../args.js";
import { CliError, type Output } from "../output.js";
import type { RemoteApi } from "../remote.js";

/** A shop's leads, on the local DATA_DIR or on a server. */
export interface LeadsBackend {
  list(app: string, stage?: LeadStage): Promise<{ data: LeadView[] }>;
}

export function remoteLeads(api: RemoteApi): LeadsBackend {
  return {
    list: (app, stage) =>
      api.request(
        "GET",
        `/api/v1/leads?app=${encodeURIComponent(app)}${stage ? `&stage=${encodeURIComponent(stage)}` : ""}`,
      ),
  };
}

const isStage = (s: string): s is LeadStage => (LEAD_STAGES as readonly string[]).includes(s);

/** `skill leads list --app <app> [--stage quoted]`. */
export async function leadsCommand(backend: LeadsBackend, inv: Invocation, out: Output) {
  const { sub, values } = inv;
  if (sub !== "list") throw new CliError("usage: skill leads list --app <app> [--stage new|qualified|quoted|won|lost]");
  if (!values.app) throw new CliError("leads list needs --app <app>");
  const stage = values.stage;
  if (stage !== undefined && !isStage(stage)) throw new CliError(`--stage is one of ${LEAD_STAGES.join(", ")}`);
  const leads = await backend.list(values.app, stage);
  return out.result(leads, () =>
    leads.data.length === 0
      ? ["No leads."]
      : leads.data.map((l) =>
          [
            l.stage.padEnd(9),
            l.contact.name ?? l.contact.phone ?? l.contact.email ?? l.contactId,
            l.contact.phone ?? "",
            l.valueText ?? "",
            l.owner ? `owner ${l.owner}` : "",
          ]
            .filter(Boolean)
            .join("  "),
        ),
  );
}
