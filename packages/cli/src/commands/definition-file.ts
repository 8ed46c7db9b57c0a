import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { CliError } from "../output.js";

/**
 * Reads a definition an admin wrote, in JSON or YAML (YAML is a superset of JSON, so one parser
 * reads both). Validation is the server's or the service's: this only turns text into a value.
 */
export async function readDefinitionFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    // Aliases are bounded so a crafted file cannot expand without limit.
    return parse(text, { maxAliasCount: 100 });
  } catch (error) {
    throw new CliError(`${path} is neither JSON nor YAML: ${(error as Error).message.split("\n")[0]}`);
  }
}
