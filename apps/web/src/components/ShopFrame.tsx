import type { ReactNode } from "react";
import { useApps } from "../hooks/useData.js";
import { useT } from "../i18n/useT.js";
import type { SupportApp } from "../lib/types.js";
import { AppPicker } from "./AppPicker.js";
import { EmptyState } from "./EmptyState.js";
import { Link } from "./Link.js";

/** A shop page's frame: its title, the app it shows (?app=slug), or what to do when there is none. */
export function ShopFrame({
  title,
  app,
  children,
}: {
  title: string;
  app: string | undefined;
  children: (current: SupportApp) => ReactNode;
}) {
  const t = useT();
  const apps = useApps();
  const list = apps.data?.data ?? [];
  const current = list.find((a) => a.slug === app) ?? list[0];
  if (apps.isPending) return <p>{t("common.loading")}</p>;
  return (
    <>
      <h1>{title}</h1>
      {current ? (
        <>
          <AppPicker apps={list} current={current.slug} />
          {children(current)}
        </>
      ) : (
        <EmptyState title={t("common.noAppYet")}>
          <p>{t.rich("shop.noApp", { link: (chunks) => <Link to="/apps">{chunks}</Link> })}</p>
        </EmptyState>
      )}
    </>
  );
}
