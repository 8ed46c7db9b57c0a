import { navigate, useRoute } from "../hooks/useRoute.js";
import { useT } from "../i18n/useT.js";
import type { SupportApp } from "../lib/types.js";

/** The app a per-app page shows, kept in the URL (?app=slug) so it survives reloads and links. */
export function AppPicker({ apps, current }: { apps: SupportApp[]; current: string | undefined }) {
  const t = useT();
  const { path, params } = useRoute();
  return (
    <label>
      {t("common.app")}
      <select
        value={current ?? ""}
        onChange={(e) => {
          const next = new URLSearchParams(params);
          next.set("app", e.target.value);
          navigate(`${path}?${next.toString()}`);
        }}
      >
        {apps.map((a) => (
          <option key={a.id} value={a.slug}>
            {a.name}
          </option>
        ))}
      </select>
    </label>
  );
}
