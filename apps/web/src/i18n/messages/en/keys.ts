/** API keys for the SDK and the CLI (owners only). */
export const keys = {
  "keys.title": "API keys",
  "keys.ownersOnly": "Only owners manage API keys.",
  "keys.create.label": "Create an API key",
  "keys.create.submit": "Create key",
  "keys.copyNow": "Copy this key now: it is not shown again.",
  "keys.newKey": "New API key",
  "keys.column.prefix": "Prefix",
  "keys.column.state": "State",
  "keys.state.revoked": "revoked",
  "keys.state.active": "active",
  "keys.revoke": "Revoke",
  "keys.revokeLabel": "Revoke {name}",
} as const;
