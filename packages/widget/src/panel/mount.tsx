import { render } from "preact";
import type { PanelModule } from "../loader.js";
import { WidgetClient } from "./client.js";
import { Panel } from "./panel.js";
import { stringsFor } from "./strings.js";
import { PANEL_CSS } from "./styles.js";

/**
 * Called by the loader on the first click: renders the panel in the element's shadow root and
 * makes the launcher toggle it (focus goes to the panel on open, back to the launcher on close).
 */
export const mount: PanelModule["mount"] = (root, options) => {
  const style = document.createElement("style");
  style.textContent = PANEL_CSS;
  const host = document.createElement("div");
  root.append(style, host);
  const client = new WidgetClient(options.api, options.app, options.identity);
  const t = stringsFor(options.locale);
  const { launcher } = options;
  let open = false;
  const toggle = (next: boolean) => {
    open = next;
    launcher.setAttribute("aria-expanded", String(open));
    render(open ? <Panel client={client} t={t} onClose={() => toggle(false)} /> : null, host);
    if (!open) launcher.focus();
  };
  launcher.addEventListener("click", () => toggle(!open));
  toggle(true);
};
