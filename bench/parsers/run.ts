/**
 * Worst case per parser of untrusted text over the adversarial shapes, at 64 KiB and 1 MiB: a
 * linear parser takes about 16 times longer on the larger input, a quadratic one 256 times.
 * `pnpm --filter @support/bench-parsers bench`
 */
import { performance } from "node:perf_hooks";
import { MIB, SHAPES } from "./inputs.js";
import { PARSERS } from "./parsers.js";

const sizes = [64 * 1024, MIB];
console.log(
  "parser".padEnd(36),
  "worst shape".padEnd(22),
  "64 KiB ms".padStart(10),
  "1 MiB ms".padStart(10),
  "ratio".padStart(7),
);
const only = process.argv[2];
for (const parser of PARSERS.filter((p) => !only || p.name.includes(only))) {
  let worst = { shape: "", small: 0, large: 0 };
  for (const shape of SHAPES) {
    const [small, large] = sizes.map((size) => {
      const input = shape.make(size);
      const start = performance.now();
      try {
        parser.run(input);
      } catch (error) {
        console.log(`${parser.name} on ${shape.name} (${size} B) threw ${(error as Error).name}`);
      }
      return performance.now() - start;
    }) as [number, number];
    if (large > worst.large) worst = { shape: shape.name, small, large };
  }
  console.log(
    parser.name.padEnd(36),
    worst.shape.padEnd(22),
    worst.small.toFixed(1).padStart(10),
    worst.large.toFixed(1).padStart(10),
    (worst.large / Math.max(worst.small, 0.1)).toFixed(1).padStart(7),
  );
}
