import { useCallback, useMemo, useState } from "react";
import { EmptyState } from "../components/EmptyState.js";
import { ErrorNote } from "../components/ErrorNote.js";
import { NeedsAttention } from "../components/NeedsAttention.js";
import { OnboardingSteps } from "../components/OnboardingSteps.js";
import { ProcedureStatusFilter } from "../components/ProcedureStatusFilter.js";
import { QueueFilterBar } from "../components/QueueFilterBar.js";
import { QueueRow } from "../components/QueueRow.js";
import { useApps, useConversations, useDrafts } from "../hooks/useData.js";
import { useDraftActions } from "../hooks/useDraftActions.js";
import { useQueueKeyboard } from "../hooks/useQueueKeyboard.js";
import { navigate } from "../hooks/useRoute.js";
import { useT } from "../i18n/useT.js";
import { draftPath } from "../lib/links.js";
import {
  approvable,
  type ChannelByConversation,
  categoriesOf,
  filterQueue,
  isOpen,
  moveSelection,
  orderQueue,
  prioritiesOf,
  type QueueCommand,
  type QueueFilters,
} from "../lib/queue.js";
import type { Role } from "../lib/types.js";

export function QueuePage({ role }: { role: Role | null }) {
  const t = useT();
  const drafts = useDrafts();
  const apps = useApps();
  const conversations = useConversations();
  const { approve } = useDraftActions();
  const [filters, setFilters] = useState<QueueFilters>({});
  const [activeId, setActiveId] = useState<string>();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [error, setError] = useState<unknown>(null);

  const byConversation = useMemo(
    () => new Map((conversations.data?.data ?? []).map((c) => [c.id, c])),
    [conversations.data],
  );
  const channels = useMemo<ChannelByConversation>(
    () => Object.fromEntries([...byConversation.values()].map((c) => [c.id, c.channel])),
    [byConversation],
  );
  const all = drafts.data?.data ?? [];
  const slaHours = useMemo(
    () => Object.fromEntries((apps.data?.data ?? []).map((a) => [a.id, a.settings.approvalSlaHours])),
    [apps.data],
  );
  const visible = useMemo(
    () => orderQueue(filterQueue(all, filters, { channels, slaHours })),
    [all, filters, channels, slaHours],
  );
  const ids = visible.map((d) => d.id);

  const onCommand = useCallback(
    (command: QueueCommand) => {
      if (command === "next" || command === "previous") {
        setActiveId(moveSelection(ids, activeId, command === "next" ? 1 : -1));
        return;
      }
      const draft = visible.find((d) => d.id === activeId);
      if (!draft) return;
      // A draft without text (the drafter declined) has nothing to approve: write the reply first.
      // One with proposed actions opens its page, where the approver sees and picks them.
      const direct = isOpen(draft) && draft.text && draft.actions.length === 0;
      if (command === "approve" && direct) approve.mutate({ id: draft.id }, { onError: setError });
      if (command === "approve" && isOpen(draft) && draft.text && !direct) navigate(draftPath(draft.id));
      if (command === "edit" || (command === "approve" && isOpen(draft) && !draft.text)) {
        navigate(`${draftPath(draft.id)}?edit=1`);
      }
      if (command === "reject") navigate(`${draftPath(draft.id)}?reject=1`);
    },
    [ids, activeId, visible, approve],
  );
  useQueueKeyboard(onCommand);

  const bulk = approvable(visible, selected);
  const approveSelected = async () => {
    setError(null);
    for (const draft of bulk) await approve.mutateAsync({ id: draft.id }).catch(setError);
    setSelected(new Set());
  };

  if (drafts.isPending) return <p>{t("queue.loading")}</p>;
  const appList = apps.data?.data ?? [];
  if (all.length === 0) {
    return (
      <>
        <h1>{t("queue.title")}</h1>
        <EmptyState title={appList.length === 0 ? t("queue.empty.getStarted") : t("queue.empty.noDrafts")}>
          <p>{t("queue.empty.body")}</p>
          <OnboardingSteps hasApp={appList.length > 0} />
        </EmptyState>
        {appList.length > 0 && <ProcedureStatusFilter />}
      </>
    );
  }
  return (
    <>
      <h1>{t("queue.title")}</h1>
      <NeedsAttention />
      <p className="hint">{t.rich("queue.keys", { kbd: (chunks) => <kbd>{chunks}</kbd> })}</p>
      <QueueFilterBar
        filters={filters}
        onChange={setFilters}
        apps={appList}
        categories={categoriesOf(all)}
        priorities={prioritiesOf(all)}
      />
      {role && (
        <div className="toolbar">
          <button type="button" disabled={bulk.length === 0} onClick={() => void approveSelected()}>
            {t("queue.approveSelected", { count: bulk.length })}
          </button>
        </div>
      )}
      <ErrorNote error={error} />
      <table className="queue">
        <caption className="sr-only">{t("queue.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="sr-only">{t("queue.column.select")}</span>
            </th>
            <th scope="col">{t("common.status")}</th>
            <th scope="col">{t("common.category")}</th>
            <th scope="col">{t("common.channel")}</th>
            <th scope="col">{t("common.subject")}</th>
            <th scope="col">{t("queue.column.draft")}</th>
            <th scope="col">{t("queue.column.created")}</th>
          </tr>
        </thead>
        <tbody>
          {visible.map((draft) => (
            <QueueRow
              key={draft.id}
              draft={draft}
              conversation={byConversation.get(draft.conversationId)}
              active={draft.id === activeId}
              checked={selected.has(draft.id)}
              onCheck={(checked) => {
                const next = new Set(selected);
                if (checked) next.add(draft.id);
                else next.delete(draft.id);
                setSelected(next);
              }}
            />
          ))}
        </tbody>
      </table>
      {visible.length === 0 && <p>{t("queue.noMatch")}</p>}
      <ProcedureStatusFilter />
    </>
  );
}
