import { existsSync } from "node:fs";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/**
 * Which Chromium drives the end-to-end suite. E2E_BROWSER (set by .ci/run) forces the suite on:
 * a missing browser then fails it instead of skipping. Without it the suite runs when Debian's
 * Chromium is installed and is skipped with a reason otherwise. Never a downloaded browser.
 */
export function chromiumPath(): { path?: string; skipReason?: string } {
  const forced = process.env.E2E_BROWSER;
  if (forced) return { path: forced };
  if (existsSync(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM };
  return { skipReason: `Chromium not found at ${DEBIAN_CHROMIUM}: runs under .ci/run` };
}
