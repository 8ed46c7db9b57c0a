import type { QueueFilters } from "../lib/queue.js";
import { STATUS_LABEL } from "../lib/queue.js";
import type { DraftStatus, SupportApp } from "../lib/types.js";

const CHANNELS = ["generic", "web", "email", "front", "zendesk", "whatsapp"];

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
  const set = (key: Exclude<keyof QueueFilters, "slaBreached">, value: string) =>
    onChange({ ...filters, [key]: value || undefined });
  return (
    <search className="filters" aria-label="Filter drafts">
      <label>
        Search
        <input type="search" value={filters.search ?? ""} onChange={(e) => set("search", e.target.value)} />
      </label>
      <label>
        App
        <select value={filters.app ?? ""} onChange={(e) => set("app", e.target.value)}>
          <option value="">All apps</option>
          {apps.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Channel
        <select value={filters.channel ?? ""} onChange={(e) => set("channel", e.target.value)}>
          <option value="">All channels</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label>
        Category
        <select value={filters.category ?? ""} onChange={(e) => set("category", e.target.value)}>
          <option value="">All categories</option>
          {categories.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label>
        Priority
        <select value={filters.priority ?? ""} onChange={(e) => set("priority", e.target.value)}>
          <option value="">Any priority</option>
          {priorities.map((p) => (
            <option key={p} value={p}>
              {p}
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
        SLA breached
      </label>
      <label>
        Status
        <select value={filters.status ?? ""} onChange={(e) => set("status", e.target.value)}>
          <option value="">Any status</option>
          {(Object.keys(STATUS_LABEL) as DraftStatus[]).map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
    </search>
  );
}
