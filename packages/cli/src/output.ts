/** One place decides how results and errors leave the CLI: JSON on stdout, or text lines. */
export class CliError extends Error {}

export interface Output {
  json: boolean;
  result(data: unknown, text: () => string[]): void;
  /** The command printed its result but reports a failure (doctor, kb add): the exit code is 1. */
  fail(): void;
  readonly failed: boolean;
}

export function createOutput(json: boolean, write: (s: string) => void = (s) => process.stdout.write(s)): Output {
  let failed = false;
  return {
    json,
    result(data, text) {
      write(json ? `${JSON.stringify(data, null, 2)}\n` : `${text().join("\n")}\n`);
    },
    fail() {
      failed = true;
    },
    get failed() {
      return failed;
    },
  };
}
