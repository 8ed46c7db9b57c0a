/** Text lines shared by the local and remote forms of each command. */
export const appLine = (a: { slug: string; id: string; name: string }) => `${a.slug.padEnd(24)} ${a.id}  ${a.name}`;

export const keyLine = (k: { id: string; prefix: string; role: string; name: string; revokedAt: string | null }) =>
  `${k.id}  ${k.prefix}…  ${k.role.padEnd(5)}  ${k.name}${k.revokedAt ? "  (revoked)" : ""}`;
