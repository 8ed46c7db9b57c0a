import { useT } from "../i18n/useT.js";
import { CHANNEL_FIELDS, CHANNEL_LABEL } from "../lib/channel-fields.js";
import { PRIORITY_LABEL, type QueueFilters, STATUS_LABEL } from "../lib/queue.js";
import type { DraftStatus, SupportApp } from "../lib/types.js";

const CHANNELS = Object.keys(CHANNEL_FIELDS);

export function QueueFilterBar({
  filters,
  onChange,
  apps,
  categories,
  priorities,
}: {
  filters: QueueFilters;
  onChange: (next: QueueFilters) => void;
  apps: SupportApp[];
  categories: string[];
  priorities: string[];
}) {
  const t = useT();
  const set = (key: Exclude<keyof QueueFilters, "slaBreached">, value: string) =>
    onChange({ ...filters, [key]: value || undefined });
  return (
    <search className="filters" aria-label={t("queue.filter.label")}>
      <label>
        {t("queue.filter.search")}
        <input type="search" value={filters.search ?? ""} onChange={(e) => set("search", e.target.value)} />
      </label>
      <label>
        {t("common.app")}
        <select value={filters.app ?? ""} onChange={(e) => set("app", e.target.value)}>
          <option value="">{t("common.allApps")}</option>
          {apps.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("common.channel")}
        <select value={filters.channel ?? ""} onChange={(e) => set("channel", e.target.value)}>
          <option value="">{t("queue.filter.allChannels")}</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t.label(CHANNEL_LABEL, c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("common.category")}
        <select value={filters.category ?? ""} onChange={(e) => set("category", e.target.value)}>
          <option value="">{t("queue.filter.allCategories")}</option>
          {categories.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("queue.filter.priority")}
        <select value={filters.priority ?? ""} onChange={(e) => set("priority", e.target.value)}>
          <option value="">{t("queue.filter.anyPriority")}</option>
          {priorities.map((p) => (
            <option key={p} value={p}>
              {t.label(PRIORITY_LABEL, p)}
            </option>
          ))}
        </select>
      </label>
      <label className="inline">
        <input
          type="checkbox"
          checked={Boolean(filters.slaBreached)}
          onChange={(e) => onChange({ ...filters, slaBreached: e.target.checked || undefined })}
        />
        {t("queue.filter.slaBreached")}
      </label>
      <label>
        {t("common.status")}
        <select value={filters.status ?? ""} onChange={(e) => set("status", e.target.value)}>
          <option value="">{t("queue.filter.anyStatus")}</option>
          {(Object.keys(STATUS_LABEL) as DraftStatus[]).map((s) => (
            <option key={s} value={s}>
              {t(STATUS_LABEL[s])}
            </option>
          ))}
        </select>
      </label>
    </search>
  );
}
