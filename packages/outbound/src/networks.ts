import { BlockList, isIP } from "node:net";

/*
 * Which addresses a tenant-set URL may reach. Everything that is not the public internet is
 * refused: loopback, private, link-local, CGNAT, documentation, benchmarking, multicast and
 * reserved ranges, their IPv6 equivalents, and IPv4 addresses hidden in IPv6 (mapped,
 * compatible, NAT64). The operator may allow ranges (`ALLOWED_OUTBOUND_NETWORKS`); the cloud
 * metadata addresses stay refused whatever it says: they hand out credentials.
 */

const REFUSED_V4 = [
  "0.0.0.0/8",
  "10.0.0.0/8",
  "100.64.0.0/10",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "172.16.0.0/12",
  "192.0.0.0/24",
  "192.0.2.0/24",
  "192.88.99.0/24",
  "192.168.0.0/16",
  "198.18.0.0/15",
  "198.51.100.0/24",
  "203.0.113.0/24",
  "224.0.0.0/4",
  "240.0.0.0/4",
];

const REFUSED_V6 = [
  "::/128",
  "::1/128",
  "::/96",
  "64:ff9b::/96",
  "64:ff9b:1::/48",
  "100::/64",
  "2001:db8::/32",
  "fc00::/7",
  "fe80::/10",
  "fec0::/10",
  "ff00::/8",
];

/** AWS, GCP and Azure (169.254.169.254), ECS tasks, AWS over IPv6, Alibaba, Oracle. */
const METADATA = ["169.254.169.254", "169.254.170.2", "fd00:ec2::254", "100.100.100.200", "192.0.0.192"];

export type AddressVerdict = "public" | "allowed" | "internal" | "metadata";

function addCidr(list: BlockList, cidr: string): void {
  const [net, bits] = parseCidr(cidr);
  list.addSubnet(net, bits, isIP(net) === 6 ? "ipv6" : "ipv4");
}

/** `a.b.c.d/n` or `x::y/n` (a bare address is its own /32 or /128); throws on anything else. */
export function parseCidr(cidr: string): [string, number] {
  const [net = "", bitsText, extra] = cidr.trim().split("/");
  const family = isIP(net);
  const max = family === 6 ? 128 : 32;
  const bits = bitsText === undefined ? max : Number(bitsText);
  if (family === 0 || extra !== undefined || !/^\d{1,3}$/.test(bitsText ?? String(max)) || bits > max) {
    throw new Error(`"${cidr}" is not a CIDR range (e.g. 127.0.0.0/8 or fd00::/8)`);
  }
  return [net, bits];
}

const refused = new BlockList();
for (const cidr of [...REFUSED_V4, ...REFUSED_V6]) addCidr(refused, cidr);
const metadata = new BlockList();
for (const address of METADATA) addCidr(metadata, address);

/**
 * The IPv4 address an IPv6 address carries, when it carries one the network would route to an
 * IPv4 host: `::ffff:a.b.c.d` (mapped, in either notation) and NAT64's `64:ff9b::/96`.
 */
function embeddedV4(address: string): string | undefined {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|64:ff9b::)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(lower);
  if (dotted) return dotted[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (!hex) return undefined;
  const high = Number.parseInt(hex[1] ?? "0", 16);
  const low = Number.parseInt(hex[2] ?? "0", 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

/** The operator's allowed ranges, parsed once. */
export class OutboundNetworks {
  private readonly allowed = new BlockList();
  readonly ranges: readonly string[];

  constructor(ranges: readonly string[] = []) {
    this.ranges = ranges;
    for (const cidr of ranges) addCidr(this.allowed, cidr);
  }

  /** Parses `ALLOWED_OUTBOUND_NETWORKS` (comma-separated CIDRs; empty allows nothing more). */
  static parse(text: string | undefined): OutboundNetworks {
    const ranges = (text ?? "")
      .split(",")
      .map((r) => r.trim())
      .filter(Boolean);
    return new OutboundNetworks(ranges);
  }

  /** What an IP address (never a name) is to a tenant-set URL. */
  verdict(address: string): AddressVerdict {
    const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
    const family = isIP(bare);
    if (family === 0) return "internal";
    const v4 = family === 6 ? embeddedV4(bare) : bare;
    const [ip, type] = v4 ? [v4, "ipv4" as const] : [bare, "ipv6" as const];
    if (metadata.check(ip, type)) return "metadata";
    if (this.allowed.check(ip, type)) return "allowed";
    // Any other address with an IPv4 inside (compatible, NAT64 prefixes) is refused with its prefix.
    if (refused.check(ip, type) || (type === "ipv6" && refused.check(bare, "ipv6"))) return "internal";
    return "public";
  }
}
