import { randomBytes } from "node:crypto";

/** Public id prefixes: the prefix tells a reader what an id names. */
export const ID_PREFIXES = {
  org: "org",
  app: "app",
  contact: "con",
  conversation: "cnv",
  message: "msg",
  draft: "drf",
  outcome: "out",
  event: "evt",
  apiKey: "key",
  signingKey: "sgk",
  audit: "aud",
  user: "usr",
  session: "ses",
  account: "acc",
  verification: "vrf",
  member: "mem",
  invitation: "inv",
  channel: "chn",
  inboundEvent: "iev",
  delivery: "dlv",
  sandboxMessage: "sbx",
  knowledgeSource: "kns",
  run: "run",
  runStep: "stp",
  runWait: "wai",
  concurrencySlot: "slt",
  slackConfig: "slk",
  slackCard: "slc",
  notification: "ntf",
  integration: "itg",
  actionExecution: "axn",
  stripeAccount: "sac",
  triageConfig: "tgc",
  procedure: "prc",
  product: "prd",
  quote: "quo",
  procedureRun: "prn",
  task: "tsk",
  taskConnection: "tkc",
  shopSettings: "shp",
  lead: "led",
  frontPluginConfig: "fpc",
  platformMail: "mal",
  replyRating: "rat",
  quotaWarning: "qwn",
  storedFile: "fil",
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
let lastTime = -1;
let lastRandom: number[] = [];

function encodeTime(ms: number): string {
  let out = "";
  let n = ms;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[n % 32] + out;
    n = Math.floor(n / 32);
  }
  return out;
}

/**
 * ULID-style ids: 10 chars of millisecond time then 16 random chars, Crockford base32.
 * Within one millisecond the random part is incremented so ids stay strictly sortable.
 */
export function newId(kind: IdKind, now: number = Date.now()): string {
  if (now <= lastTime && lastRandom.length === 16) {
    let i = 15;
    while (i >= 0 && lastRandom[i] === 31) {
      lastRandom[i] = 0;
      i--;
    }
    if (i >= 0) lastRandom[i] = (lastRandom[i] ?? 0) + 1;
    now = lastTime;
  } else {
    const bytes = randomBytes(16);
    lastRandom = Array.from(bytes, (b) => b % 32);
    lastTime = now;
  }
  const random = lastRandom.map((n) => ALPHABET[n]).join("");
  return `${ID_PREFIXES[kind]}_${encodeTime(now)}${random}`;
}

export function isId(kind: IdKind, value: string): boolean {
  return new RegExp(`^${ID_PREFIXES[kind]}_[0-9A-HJKMNP-TV-Z]{26}$`).test(value);
}
