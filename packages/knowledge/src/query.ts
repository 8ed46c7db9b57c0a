/**
 * A customer's message is not a query: quoted history, forwarded headers and signatures would
 * otherwise outweigh the question. What remains is what the customer wrote this time.
 */
const REPLY_HEADER = [
  /^On .{0,200}wrote:\s*$/i,
  /^Le .{0,200}a écrit\s*:\s*$/i,
  /^-{2,}\s*Original Message\s*-{2,}/i,
  /^-{2,}\s*Forwarded message\s*-{2,}/i,
  /^From:\s.+$/i,
  /^De\s?:\s.+$/i,
];
const SIGNATURE_START = [
  /^--\s*$/,
  /^__+\s*$/,
  /^Sent from my /i,
  /^Envoyé de mon /i,
  /^(Thanks|Thank you|Many thanks|Cheers|Best|Best regards|Kind regards|Regards|Sincerely|Merci|Cordialement|Bien à vous)[,.!]?\s*$/i,
];

export function cleanQuery(message: string): string {
  const kept: string[] = [];
  for (const line of message.replace(/\r\n?/g, "\n").split("\n")) {
    const trimmed = line.trim();
    if (REPLY_HEADER.some((r) => r.test(trimmed))) break;
    if (SIGNATURE_START.some((r) => r.test(trimmed)) && kept.some((l) => l.trim())) break;
    if (trimmed.startsWith(">")) continue;
    kept.push(line);
  }
  const text = kept.join("\n").replace(/\s+/g, " ").trim();
  // A message that is nothing but quotes or a signature still searches on something.
  return text || message.replace(/\s+/g, " ").trim();
}
