/**
 * `widget.js`: the only script a host page loads. It defines `<support-chat>`, paints the launcher
 * inside a Shadow DOM at once (no framework, a few hundred bytes), and fetches the panel (Preact)
 * only when the visitor opens it. With `data-app` on the script tag it adds the element itself.
 */
declare const __PANEL_FILE__: string;

const LABELS: Record<string, string> = { en: "Chat with us", fr: "Discuter avec nous", mg: "Miresaka aminay" };

const script = document.currentScript as HTMLScriptElement | null;
const scriptUrl = script?.src || location.href;

export interface PanelModule {
  mount(
    root: ShadowRoot,
    options: { app: string; api: string; identity?: string; locale: string; launcher: HTMLButtonElement },
  ): void;
}

class SupportChat extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: "open" });
    const locale = (this.getAttribute("locale") || navigator.language || "en").slice(0, 2).toLowerCase();
    root.innerHTML =
      "<style>:host{all:initial;position:fixed;z-index:2147483000;right:16px;bottom:16px;font:15px/1.4 system-ui,sans-serif}" +
      ".launch{width:56px;height:56px;border:0;border-radius:50%;background:#1d4ed8;color:#fff;cursor:pointer;box-shadow:0 4px 14px #0004}" +
      ".launch:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}</style>" +
      '<button class="launch" part="launcher" aria-expanded="false" aria-haspopup="dialog">' +
      '<svg width="26" height="26" viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M4 4h16v12H7l-3 3z"/></svg></button>';
    const launcher = root.querySelector("button") as HTMLButtonElement;
    launcher.setAttribute("aria-label", LABELS[locale] ?? (LABELS.en as string));
    // The first click loads the panel, which then owns the launcher's clicks.
    launcher.addEventListener(
      "click",
      () => {
        import(/* @vite-ignore */ new URL(`widget/${__PANEL_FILE__}`, scriptUrl).href).then((panel: PanelModule) =>
          panel.mount(root, {
            app: this.getAttribute("app") ?? "",
            api: this.getAttribute("api") || new URL(scriptUrl).origin,
            identity: this.getAttribute("identity") ?? undefined,
            locale,
            launcher,
          }),
        );
      },
      { once: true },
    );
    performance.mark("support-chat:launcher");
  }
}

if (!customElements.get("support-chat")) customElements.define("support-chat", SupportChat);
if (script?.dataset.app) {
  const element = document.createElement("support-chat");
  for (const [name, value] of Object.entries(script.dataset)) if (value) element.setAttribute(name, value);
  const add = () => document.body.append(element);
  if (document.body) add();
  else addEventListener("DOMContentLoaded", add);
}
