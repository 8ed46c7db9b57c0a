/**
 * Deterministic, realistic-looking help-centre chunks: Zipf-distributed vocabulary of product
 * support words, titled by product area, with the sentence shapes of real articles. Real
 * corpora are too small to reach 100k chunks; this keeps term statistics close to them.
 */
const AREAS = [
  "Billing",
  "Account",
  "Security",
  "Shipping",
  "Returns",
  "Integrations",
  "Mobile app",
  "Reports",
  "Team",
  "API",
];
const TOPICS = [
  "invoice",
  "refund",
  "password",
  "two-factor",
  "subscription",
  "plan",
  "export",
  "import",
  "webhook",
  "token",
  "order",
  "parcel",
  "tracking",
  "warehouse",
  "return label",
  "exchange",
  "permissions",
  "role",
  "workspace",
  "dashboard",
  "notification",
  "email",
  "phone number",
  "address",
  "card",
  "receipt",
  "tax",
  "discount",
  "coupon",
  "trial",
  "sync",
  "calendar",
  "report",
  "chart",
  "filter",
  "CSV",
  "PDF",
  "domain",
  "SSO",
  "audit log",
];
const VERBS = [
  "update",
  "change",
  "cancel",
  "download",
  "reset",
  "enable",
  "disable",
  "connect",
  "remove",
  "configure",
  "find",
  "share",
];
const FILLER = [
  "the",
  "your",
  "from",
  "settings",
  "page",
  "then",
  "select",
  "open",
  "click",
  "within",
  "days",
  "after",
  "before",
  "account",
  "admin",
  "team",
  "member",
  "menu",
  "button",
  "option",
  "available",
  "only",
  "each",
  "every",
  "new",
];

export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function zipf<T>(items: T[], random: () => number): T {
  // Rank r is drawn with probability ~ 1/r.
  const r = Math.floor(items.length ** random());
  return items[Math.min(items.length - 1, r)] as T;
}

function sentence(random: () => number): string {
  const topic = zipf(TOPICS, random);
  const verb = zipf(VERBS, random);
  const words = Array.from({ length: 6 + Math.floor(random() * 10) }, () => zipf(FILLER, random));
  const number = Math.floor(random() * 90) + 2;
  return `To ${verb} a ${topic}, ${words.join(" ")} (${number} ${zipf(["days", "hours", "minutes"], random)}).`;
}

export function syntheticChunks(count: number, seed = 42): { title: string; markdown: string }[] {
  const random = rng(seed);
  return Array.from({ length: count }, (_, i) => {
    const area = AREAS[i % AREAS.length] as string;
    const topic = zipf(TOPICS, random);
    const body = Array.from({ length: 4 + Math.floor(random() * 6) }, () => sentence(random)).join(" ");
    return { title: `${area}: ${topic} ${i}`, markdown: body };
  });
}

export function syntheticQueries(count: number, seed = 7): string[] {
  const random = rng(seed);
  return Array.from(
    { length: count },
    () => `how do I ${zipf(VERBS, random)} my ${zipf(TOPICS, random)} ${zipf(FILLER, random)}`,
  );
}
