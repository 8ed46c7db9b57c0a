import { lookup } from "node:dns/promises";
import { createOutbound, OutboundNetworks, type Resolve } from "@support/outbound";
import { type Listener, listen, localPrivateAddresses } from "@support/outbound/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonCall, openTestProduct, type TestProduct } from "./harness.js";

/*
 * Issue 14, High 2: the SSRF suite. Tripwire listeners on loopback and on the machine's other
 * (private) addresses must receive nothing, whichever tenant-set URL points at them: literally,
 * through a name that resolves to them (a hostile resolver), or through a redirect from an
 * allowed address. Metadata stays refused even when the operator allows every range.
 */

const KINDS = ["integration", "crawl", "generic", "zendesk", "front", "whatsapp", "smtp"] as const;
type Kind = (typeof KINDS)[number];
const FETCH_KINDS = KINDS.filter((k) => k !== "smtp");

let probes = 0;
const tripwires: Listener[] = [];

/** Names a hostile DNS server answers with the tripwires' addresses; everything else as usual. */
const names = new Map<string, string>();
const hostile: Resolve = async (hostname) => {
  const address = names.get(hostname);
  if (address) return [{ address, family: address.includes(":") ? 6 : 4 }];
  return lookup(hostname, { all: true });
};

const hostOf = (address: string) => (address.includes(":") ? `[${address}]` : address);

async function open(allowed: string) {
  const outbound = createOutbound({ networks: OutboundNetworks.parse(allowed), resolve: hostile, timeoutMs: 3000 });
  return openTestProduct({ ALLOWED_OUTBOUND_NETWORKS: allowed }, "Ssrf", {
    pipeline: true,
    product: { ports: { outbound } },
  });
}

/** Points one tenant-set URL kind at `url` and makes the platform use it; answers why it failed. */
async function probe(p: TestProduct, kind: Kind, url: string): Promise<string> {
  probes++;
  const base = `/api/v1/apps/${p.appId}`;
  if (kind === "integration") {
    const put = await jsonCall(p, `${base}/integration`, { method: "PUT", body: { url } });
    expect(put.status).toBe(200);
    const health = await (await jsonCall(p, `${base}/integration/health`)).json();
    expect(health.ok).toBe(false);
    return health.error.message;
  }
  if (kind === "crawl") {
    const added = await jsonCall(p, "/api/v1/knowledge/sources", { method: "POST", body: { app: p.appId, url } });
    const { id } = await added.json();
    for (let i = 0; i < 400; i++) {
      const source = await (await jsonCall(p, `/api/v1/knowledge/sources/${id}`)).json();
      if (source.status === "error") return source.error;
      expect(source.status).not.toBe("ready");
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error("the crawl never settled");
  }
  const channel = kind === "smtp" ? "email" : kind;
  const change = {
    generic: { settings: { callbackUrl: url } },
    zendesk: {
      settings: { baseUrl: url, agentEmail: "agent@shop.test", agentId: "7" },
      secrets: { apiToken: "zd-token", webhookSecret: "zd-secret" },
    },
    front: { settings: { baseUrl: url }, secrets: { apiToken: "front-token", appSecret: "front-secret" } },
    whatsapp: {
      settings: { baseUrl: url, phoneNumberId: "1055" },
      secrets: { accessToken: "wa-token", appSecret: "wa-secret", verifyToken: "wa-verify" },
    },
    smtp: { settings: { fromAddress: "support@shop.test" }, secrets: { smtpUrl: url } },
  }[kind];
  const put = await jsonCall(p, `${base}/channels/${channel}`, { method: "PUT", body: change });
  expect(put.status, await put.clone().text()).toBe(200);
  const target = {
    orgId: p.orgId,
    appId: p.appId,
    conversationId: "cnv_ssrf",
    channel,
    externalId: "cnv_ext",
    contact: { email: "ada@example.com", phone: "+261340000000", name: "Ada" },
    lastInboundAt: new Date(),
  } as const;
  const adapter = await p.runtime.platform.ports.replies.adapterFor(target);
  expect(adapter.sandbox, kind).toBe(false);
  const failed = await adapter
    .sendReply(target, { text: "Hello" }, { idempotencyKey: `ssrf-${probes}` })
    .then(() => undefined)
    .catch((e: { code?: string; message: string }) => e);
  expect(failed?.code, kind).toBe("refused_address");
  return failed?.message ?? "";
}

describe("SSRF: every tenant-set URL kind, refused before anything is sent", () => {
  let strict: TestProduct;
  let loopbackOnly: TestProduct;
  let everything: TestProduct;
  let redirector: Listener;

  beforeAll(async () => {
    for (const address of ["127.0.0.1", "127.0.0.2", "::1", ...localPrivateAddresses()]) {
      tripwires.push(await listen(address).catch(() => undefined as never));
    }
    tripwires.splice(0, tripwires.length, ...tripwires.filter(Boolean));
    tripwires.forEach((t, i) => {
      names.set(`t${i}.internal.test`, t.host);
    });
    redirector = await listen("127.0.0.1", (req, res) => {
      const to = new URL(req.url ?? "/", "http://x").searchParams.get("to") ?? "/";
      res.writeHead(302, { location: to }).end();
    });
    strict = await open("");
    loopbackOnly = await open("127.0.0.1/32");
    everything = await open("0.0.0.0/0,::/0");
  }, 60_000);
  afterAll(async () => {
    console.log(`[ssrf] ${probes} probes, ${tripwires.length} tripwires (${tripwires.map((t) => t.host).join(", ")})`);
    for (const p of [strict, loopbackOnly, everything]) {
      await p?.runtime.stop();
      await p?.runtime.database.close();
    }
    for (const l of [...tripwires, redirector]) await l?.close();
  });

  it("refuses loopback and private addresses given literally or through a name, for every kind", async () => {
    for (const [i, wire] of tripwires.entries()) {
      for (const kind of KINDS) {
        const scheme = kind === "smtp" ? "smtp" : "http";
        for (const host of [hostOf(wire.host), `t${i}.internal.test`]) {
          const why = await probe(strict, kind, `${scheme}://${host}:${wire.port}/support`);
          expect(why, `${kind} → ${host}`).toMatch(/refused: .* private or reserved address/);
          // A name's resolved address is not told to the tenant.
          if (host.endsWith(".internal.test")) expect(why).not.toContain(wire.host);
        }
      }
    }
    for (const wire of tripwires) expect(wire.hits, wire.host).toEqual([]);
  }, 120_000);

  it("re-checks redirects: an allowed address that redirects inward reaches nothing", async () => {
    const inward = tripwires.filter((t) => t.host !== "127.0.0.1");
    for (const wire of inward) {
      for (const kind of FETCH_KINDS) {
        const to = encodeURIComponent(`http://${hostOf(wire.host)}:${wire.port}/support`);
        const why = await probe(loopbackOnly, kind, `${redirector.url}/?to=${to}`);
        expect(why, `${kind} → ${wire.host}`).toMatch(/refused/);
      }
    }
    for (const kind of FETCH_KINDS) {
      const to = encodeURIComponent("http://169.254.169.254/latest/meta-data/");
      expect(await probe(loopbackOnly, kind, `${redirector.url}/?to=${to}`), kind).toMatch(/cloud metadata/);
    }
    for (const wire of inward) expect(wire.hits, wire.host).toEqual([]);
  }, 120_000);

  it("refuses the metadata addresses even when every range is allowed", async () => {
    for (const kind of KINDS) {
      const scheme = kind === "smtp" ? "smtp" : "http";
      for (const host of ["169.254.169.254", "[fd00:ec2::254]", "[::ffff:169.254.169.254]"]) {
        const why = await probe(everything, kind, `${scheme}://${host}/latest/meta-data/`);
        expect(why, `${kind} → ${host}`).toMatch(/cloud metadata address/);
      }
    }
  }, 120_000);
});
