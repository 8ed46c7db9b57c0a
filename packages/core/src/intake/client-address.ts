import { isIP } from "node:net";

/**
 * Which address a request comes from, for rate limits (ADR 0102). `X-Forwarded-For` is set by
 * whoever sends the request, so it counts only when the operator says a proxy is in front
 * (`TRUST_PROXY`), and then only its last entry: the one the proxy itself appended.
 */
export function clientAddress(input: { socket?: string; forwardedFor?: string; trustProxy: boolean }): string {
  if (input.trustProxy && input.forwardedFor) {
    const last = input.forwardedFor.slice(input.forwardedFor.lastIndexOf(",") + 1).trim();
    if (isIP(last)) return unmapped(last);
  }
  return input.socket && isIP(input.socket) ? unmapped(input.socket) : "unknown";
}

/** `::ffff:192.0.2.1` (an IPv4 client on a dual-stack socket) is `192.0.2.1`. */
function unmapped(address: string): string {
  const v4 = address.toLowerCase().startsWith("::ffff:") ? address.slice(7) : "";
  return isIP(v4) === 4 ? v4 : address;
}

/** The network an address belongs to (IPv4 /24, IPv6 /48): one bucket for a block of addresses. */
export function networkOf(ip: string): string {
  const address = isIP(ip) ? unmapped(ip) : ip;
  const version = isIP(address);
  if (version === 4) return `${address.split(".").slice(0, 3).join(".")}.0/24`;
  if (version === 6) {
    const [head = "", tail = ""] = address.toLowerCase().split("::");
    const groups = head ? head.split(":") : [];
    const tailGroups = tail ? tail.split(":") : [];
    const full = [...groups, ...Array(Math.max(0, 8 - groups.length - tailGroups.length)).fill("0"), ...tailGroups];
    return `${full.slice(0, 3).join(":")}::/48`;
  }
  return address;
}
