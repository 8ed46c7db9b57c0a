import { createElement, type ReactElement, useEffect } from "react";

/** What `<SupportChat>` takes: the same as the `<support-chat>` element's attributes. */
export interface SupportChatProps {
  /** The app's id (`app_…`), as the widget setup shows it. */
  app: string;
  /** The platform's base URL (`https://support.example.com`): it serves `widget.js` and the widget's API. */
  api: string;
  /**
   * For a signed-in user, `signWidgetIdentity(…)` computed on your server (never in the browser:
   * the secret would be public). Omit it for anonymous visitors.
   */
  identity?: string;
  /** `en`, `fr` or `mg`; the browser's language otherwise. */
  locale?: string;
}

const loads = new Map<string, Promise<void>>();

/**
 * Adds the platform's `widget.js` to the page once per URL (every `<SupportChat>` shares it) and
 * resolves when `<support-chat>` is defined. The loader upgrades elements already on the page,
 * so the component can render before the script arrives.
 */
export function loadWidgetScript(src: string): Promise<void> {
  if (customElements.get("support-chat")) return Promise.resolve();
  let loading = loads.get(src);
  if (!loading) {
    loading = new Promise<void>((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.async = true;
      script.dataset.supportWidget = "";
      script.addEventListener("load", () => resolve());
      script.addEventListener("error", () => {
        loads.delete(src);
        script.remove();
        reject(new Error(`could not load ${src}`));
      });
      document.head.append(script);
    });
    loads.set(src, loading);
  }
  return loading;
}

/**
 * The chat widget as a React component: renders `<support-chat>` and loads the platform's
 * loader script. A new identity (another user signed in) mounts a new element, so a visitor's
 * session never carries over to the next user.
 */
export function SupportChat(props: SupportChatProps): ReactElement {
  const api = props.api.replace(/\/+$/, "");
  const src = `${api}/widget.js`;
  useEffect(() => {
    loadWidgetScript(src).catch((error: Error) => console.error(`[support-chat] ${error.message}`));
  }, [src]);
  return createElement("support-chat", {
    key: `${props.app}:${props.identity ?? "anonymous"}`,
    app: props.app,
    api,
    identity: props.identity,
    locale: props.locale,
  });
}
