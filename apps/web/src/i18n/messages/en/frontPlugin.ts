/** The Front sidebar plugin's registration. */
export const frontPlugin = {
  "frontPlugin.nav": "Front plugin",
  "frontPlugin.title": "Front sidebar plugin",
  "frontPlugin.configured": "A secret is set (since {date}).",
  "frontPlugin.notConfigured": "No secret yet: generate one and register the URL in Front.",
  "frontPlugin.url": "Plugin URL (without its secret)",
  "frontPlugin.rotate": "Generate a new plugin secret",
  "frontPlugin.rotated":
    "Copy the URL now: it carries the secret and is shown only once. Register it as the plugin’s URL in Front (Settings › Developers › your plugin). The previous secret no longer works.",
  "frontPlugin.newUrl": "Plugin URL to register in Front",
  "frontPlugin.newSecret": "New plugin secret",
  "frontPlugin.teammates": "Front teammate → member",
  "frontPlugin.teammates.hint":
    "A Front teammate acts as the member with the same email, with that member’s role; anyone else sees nothing.",
  "frontPlugin.email": "Teammate email",
  "frontPlugin.member": "Member",
  "frontPlugin.role": "Role",
} as const;
