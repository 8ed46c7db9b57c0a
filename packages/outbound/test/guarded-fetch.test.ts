import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGuardedFetch, createHostResolver, OutboundError, OutboundNetworks, type Resolve } from "../src/index.js";
import { type Listener, listen } from "./listeners.js";

const LOOPBACK = OutboundNetworks.parse("127.0.0.0/8");
const NONE = OutboundNetworks.parse("");

/** A resolver the test controls: names map to addresses, as a hostile DNS server would answer. */
function resolver(names: Record<string, string[]>): Resolve {
  return async (hostname) => {
    const addresses = names[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => "fetched",
    (e: unknown) => (e instanceof OutboundError ? e.reason : `other: ${(e as Error).message}`),
  );

describe("address verdicts", () => {
  it("refuses loopback, private, link-local, CGNAT, reserved and their IPv6 forms; allows public", () => {
    for (const address of [
      "127.0.0.1",
      "10.0.0.1",
      "172.16.5.4",
      "172.31.255.255",
      "192.168.1.1",
      "169.254.1.1",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "::1",
      "::",
      "fc00::1",
      "fd00::2",
      "fe80::1",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "::ffff:10.0.0.1",
      "64:ff9b::a00:1",
      "::127.0.0.1",
    ]) {
      expect(NONE.verdict(address), address).toBe("internal");
    }
    for (const address of ["93.184.215.14", "8.8.8.8", "172.32.0.1", "2606:4700::1111", "::ffff:8.8.8.8"]) {
      expect(NONE.verdict(address), address).toBe("public");
    }
    expect(NONE.verdict("not-an-ip")).toBe("internal");
  });

  it("keeps metadata refused even inside an allowed range, and allows only the ranges given", () => {
    const wide = OutboundNetworks.parse("169.254.0.0/16, 100.64.0.0/10, fd00::/8, 0.0.0.0/0");
    for (const address of [
      "169.254.169.254",
      "169.254.170.2",
      "fd00:ec2::254",
      "100.100.100.200",
      "::ffff:169.254.169.254",
    ]) {
      expect(wide.verdict(address), address).toBe("metadata");
    }
    expect(wide.verdict("169.254.1.1")).toBe("allowed");
    expect(LOOPBACK.verdict("127.0.0.2")).toBe("allowed");
    expect(LOOPBACK.verdict("::1")).toBe("internal");
    expect(LOOPBACK.verdict("10.0.0.1")).toBe("internal");
  });

  it("names a bad range in ALLOWED_OUTBOUND_NETWORKS", () => {
    for (const bad of ["10.0.0.0/33", "example.com/8", "10.0.0.0/8/1", "10.0.0.0/x"]) {
      expect(() => OutboundNetworks.parse(bad), bad).toThrow(/is not a CIDR range/);
    }
  });
});

describe("the guarded fetch", () => {
  let internal: Listener;
  let redirector: Listener;
  let big: Listener;
  let slow: Listener;
  beforeAll(async () => {
    internal = await listen("127.0.0.1");
    redirector = await listen("127.0.0.1", (req, res) => {
      const to = new URL(req.url ?? "/", "http://x").searchParams.get("to") ?? "/";
      res.writeHead(302, { location: to }).end();
    });
    big = await listen("127.0.0.1", (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("x".repeat(64 * 1024));
    });
    slow = await listen("127.0.0.1", () => undefined);
  });
  afterAll(async () => {
    for (const l of [internal, redirector, big, slow]) await l.close();
  });

  it("refuses loopback unless allowed, and fetches it when the operator allows 127.0.0.0/8", async () => {
    expect(await refusal(createGuardedFetch({ networks: NONE })(`${internal.url}/a`))).toBe("refused_address");
    expect(internal.hits).toEqual([]);
    const allowed = await createGuardedFetch({ networks: LOOPBACK })(`${internal.url}/b`);
    expect(await allowed.text()).toBe("internal secret page");
    expect(internal.hits).toEqual(["GET /b"]);
  });

  it("refuses a name that resolves to a private address, and pins the checked address for the connection", async () => {
    const before = internal.hits.length;
    const hostile = createGuardedFetch({ networks: NONE, resolve: resolver({ "intranet.test": ["127.0.0.1"] }) });
    const answer = await refusal(hostile(`http://intranet.test:${internal.port}/`));
    expect(answer).toBe("refused_address");
    // One public and one private answer: refused (the socket might pick either).
    const mixed = createGuardedFetch({
      networks: NONE,
      resolve: resolver({ "mixed.test": ["93.184.215.14", "10.0.0.1"] }),
    });
    expect(await refusal(mixed(`http://mixed.test:${internal.port}/`))).toBe("refused_address");
    // Rebinding: the first answer is checked and used; the resolver is asked exactly once per connection.
    let asked = 0;
    const rebinding = createGuardedFetch({
      networks: LOOPBACK,
      resolve: async () => {
        asked++;
        return [{ address: asked === 1 ? "127.0.0.1" : "169.254.169.254", family: 4 }];
      },
    });
    expect(await (await rebinding(`http://rebind.test:${internal.port}/r`)).text()).toBe("internal secret page");
    expect(asked).toBe(1);
    expect(internal.hits.slice(before)).toEqual(["GET /r"]);
  });

  it("re-checks every redirect hop: a redirect to an internal or metadata address is refused", async () => {
    const networks = OutboundNetworks.parse("127.0.0.1/32");
    const guarded = createGuardedFetch({ networks, resolve: resolver({ "public.test": ["127.0.0.1"] }) });
    const toMetadata = `${redirector.url}/?to=${encodeURIComponent("http://169.254.169.254/latest/meta-data/")}`;
    expect(await refusal(guarded(toMetadata))).toBe("refused_address");
    const toPrivate = `${redirector.url}/?to=${encodeURIComponent("http://10.0.0.1/admin")}`;
    expect(await refusal(guarded(toPrivate))).toBe("refused_address");
    const toFile = `${redirector.url}/?to=${encodeURIComponent("file:///etc/passwd")}`;
    expect(await refusal(guarded(toFile))).toBe("refused_scheme");
    const toSelf = `${redirector.url}/?to=${encodeURIComponent(`${redirector.url}/?to=/`)}`;
    expect(await refusal(guarded(toSelf))).toBe("too_many_redirects");
    // A permitted hop is followed.
    const ok = await guarded(`${redirector.url}/?to=${encodeURIComponent(`${internal.url}/followed`)}`);
    expect(ok.status).toBe(200);
    expect(internal.hits).toContain("GET /followed");
  });

  it("refuses other schemes and the metadata address even when every range is allowed", async () => {
    const everything = createGuardedFetch({ networks: OutboundNetworks.parse("0.0.0.0/0, ::/0") });
    expect(await refusal(everything("http://169.254.169.254/latest/meta-data/"))).toBe("refused_address");
    expect(await refusal(everything("http://[fd00:ec2::254]/"))).toBe("refused_address");
    expect(await refusal(everything("file:///etc/passwd"))).toBe("refused_scheme");
    expect(await refusal(everything("gopher://127.0.0.1:25/"))).toBe("refused_scheme");
  });

  it("caps the answer's size and the exchange's time, with errors that say so", async () => {
    const small = createGuardedFetch({ networks: LOOPBACK, maxBytes: 1024 });
    expect(await refusal(small(big.url).then((r) => r.text()))).toBe("too_large");
    const quick = createGuardedFetch({ networks: LOOPBACK, timeoutMs: 200 });
    const late = await quick(slow.url).catch((e: OutboundError) => e);
    expect(late).toBeInstanceOf(OutboundError);
    expect((late as OutboundError).message).toContain("did not answer within 200 ms");
    expect((late as OutboundError).message).not.toMatch(/127\.0\.0\.1:\d+\/|ECONN/);
  });
});

describe("the host resolver (SMTP)", () => {
  it("answers the checked address of a public name, and refuses internal and metadata hosts", async () => {
    const resolve = resolver({ "smtp.public.test": ["93.184.215.14"], "smtp.internal.test": ["10.1.2.3"] });
    const host = createHostResolver({ networks: NONE, resolve });
    expect(await host("smtp.public.test")).toBe("93.184.215.14");
    expect(await refusal(host("smtp.internal.test"))).toBe("refused_address");
    expect(await refusal(host("127.0.0.1"))).toBe("refused_address");
    expect(
      await refusal(createHostResolver({ networks: OutboundNetworks.parse("0.0.0.0/0") })("169.254.169.254")),
    ).toBe("refused_address");
    expect(await createHostResolver({ networks: LOOPBACK })("127.0.0.1")).toBe("127.0.0.1");
  });
});
