/**
 * BRIEF §5 trust: the decayed mean of outcome scores for one (app, category), with a true 30-day
 * half-life, so that last week's edits weigh more than last quarter's.
 */

export type ScoredOutcome = "unchanged" | "edited" | "rewritten" | "rejected" | "expired";
/** `superseded` (a human replied first) says nothing about the draft's quality, so it is not scored. */
export type DraftOutcome = ScoredOutcome | "superseded";

export const OUTCOME_SCORES: Record<ScoredOutcome, number> = {
  unchanged: 1,
  edited: 0.5,
  rewritten: 0,
  rejected: 0,
  expired: 0,
};

export const TRUST_HALF_LIFE_DAYS = 30;
const DAY_MS = 86_400_000;

export interface TrustScore {
  /** Null when there is no scored outcome yet: no evidence is not the same as zero trust. */
  score: number | null;
  samples: number;
}

export function trustScore(outcomes: readonly { outcome: DraftOutcome; at: Date }[], now: Date): TrustScore {
  let weighted = 0;
  let totalWeight = 0;
  let samples = 0;
  for (const { outcome, at } of outcomes) {
    if (outcome === "superseded") continue;
    // An outcome stamped slightly in the future (clock skew) counts as fresh, never as extra weight.
    const ageDays = Math.max(0, now.getTime() - at.getTime()) / DAY_MS;
    const weight = 0.5 ** (ageDays / TRUST_HALF_LIFE_DAYS);
    weighted += weight * OUTCOME_SCORES[outcome];
    totalWeight += weight;
    samples++;
  }
  return { score: samples === 0 ? null : weighted / totalWeight, samples };
}

/** Trust of every category of one app, from its outcomes: what the trust endpoint shows. */
export function trustByCategory(
  outcomes: readonly { category: string; outcome: DraftOutcome; at: Date }[],
  now: Date,
): Record<string, TrustScore> {
  const groups = new Map<string, { outcome: DraftOutcome; at: Date }[]>();
  for (const o of outcomes) {
    const group = groups.get(o.category);
    if (group) group.push(o);
    else groups.set(o.category, [o]);
  }
  return Object.fromEntries(
    [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([c, g]) => [c, trustScore(g, now)]),
  );
}
