import { execFileSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const packageDir = resolve(import.meta.dirname, "..");
const workspaceRoot = resolve(packageDir, "../..");
const project = mkdtempSync(join(tmpdir(), "sdk-consumer-"));
afterAll(() => rmSync(project, { recursive: true, force: true }));

/** A consumer that uses both entry points the way a product app and the platform would. */
const consumer = `
import { callProductApp, createSupportHandler, SupportClient, type SupportIntegration } from "@support/sdk";
import { signPayload, verifySignature } from "@support/sdk/signing";

const integration: SupportIntegration = {
  lookupUser: ({ email }) => (email ? { id: "u1", email } : null),
  getPurchases: () => [],
};
const handler = createSupportHandler({ integration, secrets: ["s"] });
const url = "http://app.test/support";
const fetchViaHandler: typeof fetch = (input, init) => handler(new Request(input as string, init));
const user = await callProductApp({ url, secret: "s", action: "lookupUser", input: { email: "a@b.co" }, fetch: fetchViaHandler });
const described = await callProductApp({ url, secret: "s", action: "describe", input: {}, fetch: fetchViaHandler });
const header = signPayload("x", ["k"]);
new SupportClient({ baseUrl: "http://127.0.0.1:1", apiKey: "sk" });
console.log(JSON.stringify({ user: user?.id ?? null, capabilities: described.capabilities, verified: verifySignature({ body: "x", header, secrets: ["k"] }).ok }));
`;

describe("the published package", () => {
  it("builds, packs without workspace dependencies, and works in a fresh ESM TypeScript project", {
    timeout: 120_000,
  }, () => {
    execFileSync("pnpm", ["build"], { cwd: packageDir, stdio: "pipe" });
    execFileSync("pnpm", ["pack", "--pack-destination", project], { cwd: packageDir, stdio: "pipe" });
    const tarball = readdirSync(project).find((f) => f.endsWith(".tgz")) as string;
    const installed = join(project, "node_modules/@support/sdk");
    mkdirSync(installed, { recursive: true });
    execFileSync("tar", ["xzf", join(project, tarball), "-C", installed, "--strip-components=1"]);

    const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
    expect(manifest.exports["."]).toEqual({ types: "./dist/index.d.ts", import: "./dist/index.js" });
    expect(manifest.sideEffects).toBe(false);
    expect(Object.keys(manifest.dependencies)).toEqual(["zod"]);
    for (const file of readdirSync(join(installed, "dist"))) {
      expect(readFileSync(join(installed, "dist", file), "utf8"), file).not.toMatch(/from\s*["']@support\//);
    }

    // The test machine has no registry, so the one runtime dependency (and Node's types) come from the workspace.
    symlinkSync(realpathSync(join(packageDir, "node_modules/zod")), join(project, "node_modules/zod"));
    mkdirSync(join(project, "node_modules/@types"));
    symlinkSync(
      realpathSync(join(workspaceRoot, "node_modules/@types/node")),
      join(project, "node_modules/@types/node"),
    );
    writeFileSync(join(project, "package.json"), JSON.stringify({ type: "module" }));
    writeFileSync(
      join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          module: "NodeNext",
          moduleResolution: "NodeNext",
          target: "ES2022",
          strict: true,
          outDir: "out",
          types: ["node"],
        },
        files: ["consumer.ts"],
      }),
    );
    writeFileSync(join(project, "consumer.ts"), consumer);
    execFileSync(process.execPath, [join(workspaceRoot, "node_modules/typescript/bin/tsc"), "-p", project], {
      stdio: "pipe",
    });
    const output = execFileSync(process.execPath, [join(project, "out/consumer.js")], { encoding: "utf8" });
    expect(JSON.parse(output)).toEqual({ user: "u1", capabilities: ["lookupUser", "getPurchases"], verified: true });
  });
});
