import { useQuery } from "@tanstack/react-query";
import { ErrorNote } from "../components/ErrorNote.js";
import { ShopFrame } from "../components/ShopFrame.js";
import { ShopMetricsCard } from "../components/ShopMetricsCard.js";
import { ShopSettingsForm } from "../components/ShopSettingsForm.js";
import { useT } from "../i18n/useT.js";
import { roleAtLeast } from "../lib/roles.js";
import { shopClient } from "../lib/shop.js";
import type { Role } from "../lib/types.js";

/** `/shop?app=slug`: the shop's settings (any member reads, admins change). */
export function ShopPage({ app, role }: { app: string | undefined; role: Role | null }) {
  const t = useT();
  return (
    <ShopFrame title={t("shop.settings.title")} app={app}>
      {(current) => <Settings app={current.slug} canEdit={roleAtLeast(role, "admin")} />}
    </ShopFrame>
  );
}

function Settings({ app, canEdit }: { app: string; canEdit: boolean }) {
  const t = useT();
  const settings = useQuery({ queryKey: ["shop", app], queryFn: () => shopClient.settings(app) });
  if (settings.error) return <ErrorNote error={settings.error} />;
  if (!settings.data) return <p>{t("common.loading")}</p>;
  return (
    <>
      <ShopMetricsCard app={app} />
      <ShopSettingsForm key={app} app={app} settings={settings.data} canEdit={canEdit} />
    </>
  );
}
