import { listAppViews } from "@support/core";
import type { Product } from "@support/product";
import { appLine } from "../format.js";
import type { Output } from "../output.js";
import { localContext } from "./org.js";

export async function appsListCommand(runtime: Product, out: Output, opts: { org?: string }) {
  const { data } = await listAppViews(await localContext(runtime, opts.org), { limit: 100 });
  out.result({ data }, () =>
    data.length === 0 ? ["No apps yet: run `skill init --name <product>`."] : data.map(appLine),
  );
}
