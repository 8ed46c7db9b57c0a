import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { runCli } from "../src/cli.js";

export interface SkillResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The CLI's own entry function with real argument parsing and output, in this process: the
 * product's modules load once per test file instead of once per command.
 */
export async function skillIn(env: Record<string, string>, ...args: string[]): Promise<SkillResult> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    env,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

const exec = promisify(execFile);
const main = resolve(import.meta.dirname, "../src/main.ts");
const tsxLoader = import.meta.resolve("tsx");

/** A real `skill` process (one node process with the tsx loader): exit codes, stdout and stderr. */
export async function skillProcess(env: Record<string, string>, ...args: string[]): Promise<SkillResult> {
  try {
    const { stdout, stderr } = await exec(process.execPath, ["--import", tsxLoader, main, ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
