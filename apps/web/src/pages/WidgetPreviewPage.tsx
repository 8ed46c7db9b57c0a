import { useEffect } from "react";
import { useApps } from "../hooks/useData.js";
import { useT } from "../i18n/useT.js";

/**
 * `/chat-widget-preview?app=slug`: the app's real widget on this page. The server's `/widget.js` is
 * loaded once (without `data-app`, so it only defines `<support-chat>`) and the page adds the
 * element for the app itself: a re-render or another app swaps the element, never a second
 * script that would mount a second launcher.
 */
export function WidgetPreviewPage({ app }: { app: string | undefined }) {
  const t = useT();
  const apps = useApps();
  const current = (apps.data?.data ?? []).find((a) => a.slug === app) ?? apps.data?.data[0];
  const appId = current?.id;
  useEffect(() => {
    if (!appId) return;
    if (!document.querySelector("script[data-widget-preview]")) {
      const script = document.createElement("script");
      script.src = "/widget.js";
      script.async = true;
      script.dataset.widgetPreview = "";
      document.body.append(script);
    }
    const chat = document.createElement("support-chat");
    chat.setAttribute("app", appId);
    document.body.append(chat);
    return () => chat.remove();
  }, [appId]);
  if (!current) return <p>{t("common.loading")}</p>;
  return (
    <>
      <h1>{t("widget.preview.heading", { app: current.name })}</h1>
      <p>{t("widget.preview.hint")}</p>
    </>
  );
}
