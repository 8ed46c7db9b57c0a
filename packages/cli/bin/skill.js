#!/usr/bin/env node
// The `skill` executable: plain node runs the CLI's bundle, rebuilt first when a source changed
// (ADR 0152). The tests and `--import tsx src/main.ts` still run the TypeScript directly.
import { pathToFileURL } from "node:url";
import { currentBuild } from "../scripts/build.mjs";

await import(pathToFileURL(await currentBuild()).href);
