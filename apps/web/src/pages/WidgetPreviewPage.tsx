import { useEffect } from "react";
import { useApps } from "../hooks/useData.js";
import { useT } from "../i18n/useT.js";

/**
 * `/widget-preview?app=slug`: the app's real widget on this page, loaded the way the snippet loads
 * it (the server's `/widget.js` with the app's id), so an admin tries what customers will see.
 */
export function WidgetPreviewPage({ app }: { app: string | undefined }) {
  const t = useT();
  const apps = useApps();
  const current = (apps.data?.data ?? []).find((a) => a.slug === app) ?? apps.data?.data[0];
  useEffect(() => {
    if (!current) return;
    const script = document.createElement("script");
    script.src = "/widget.js";
    script.async = true;
    script.dataset.app = current.id;
    document.body.append(script);
    return () => {
      script.remove();
      for (const chat of document.querySelectorAll("support-chat")) chat.remove();
    };
  }, [current]);
  if (!current) return <p>{t("common.loading")}</p>;
  return (
    <>
      <h1>{t("widget.preview.heading", { app: current.name })}</h1>
      <p>{t("widget.preview.hint")}</p>
    </>
  );
}
