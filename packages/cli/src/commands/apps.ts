import { publicApp } from "@support/core";
import { listApps } from "@support/db";
import type { Product } from "@support/product";
import { appLine } from "../format.js";
import type { Output } from "../output.js";
import { resolveOrg } from "./org.js";

export async function appsListCommand(runtime: Product, out: Output, opts: { org?: string }) {
  const org = await resolveOrg(runtime, opts.org);
  const page = await listApps(runtime.database.db, org.id, { limit: 100 });
  const data = page.data.map((a) => publicApp(a, runtime.config.publicUrl));
  out.result({ data }, () =>
    data.length === 0 ? ["No apps yet: run `skill init --name <product>`."] : data.map(appLine),
  );
}
