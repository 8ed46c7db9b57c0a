import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useT } from "../i18n/useT.js";
import { type KnowledgeSource, knowledgeClient } from "../lib/knowledge.js";
import { ErrorNote } from "./ErrorNote.js";

/** Re-sync a knowledge source (re-crawl or re-chunk), or delete it after a confirmation: admins only. */
export function SourceActions({ source }: { source: KnowledgeSource }) {
  const t = useT();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const refresh = () => client.invalidateQueries({ queryKey: ["knowledge-sources"] });
  const resync = useMutation({ mutationFn: () => knowledgeClient.resync(source.id), onSuccess: refresh });
  const remove = useMutation({ mutationFn: () => knowledgeClient.remove(source.id), onSuccess: refresh });
  const busy = source.status === "pending" || source.status === "processing";
  return (
    <span className="row">
      <button type="button" onClick={() => resync.mutate()} disabled={busy || resync.isPending}>
        {t("settings.sources.resync", { title: source.title })}
      </button>
      {confirming ? (
        <button type="button" className="danger" onClick={() => remove.mutate()} disabled={remove.isPending}>
          {t("settings.sources.confirmDelete", { title: source.title })}
        </button>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          {t("settings.sources.delete", { title: source.title })}
        </button>
      )}
      <ErrorNote error={resync.error ?? remove.error} />
    </span>
  );
}
