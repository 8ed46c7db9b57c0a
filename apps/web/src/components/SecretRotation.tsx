import { useMutation } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useT } from "../i18n/useT.js";
import { CopyField } from "./CopyField.js";
import { ErrorNote } from "./ErrorNote.js";

/**
 * Rotate a secret with an overlap: the new one is shown once (with a copy button), the old one
 * keeps working until "Remove old secret" is confirmed. Only admins and owners get the buttons.
 */
export function SecretRotation({
  name,
  live,
  canEdit,
  rotate,
  removeOld,
  onChanged,
  children,
}: {
  /** "webhook signing secret", "integration secret" (translated): used in button and field names. */
  name: string;
  /** How many secrets are live: 2 while a rotation overlaps. */
  live: number;
  canEdit: boolean;
  rotate: () => Promise<string>;
  removeOld: () => Promise<unknown>;
  onChanged: () => void;
  children?: ReactNode;
}) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const rotation = useMutation({ mutationFn: rotate, onSuccess: onChanged });
  const removal = useMutation({
    mutationFn: removeOld,
    onSuccess: () => {
      setConfirming(false);
      rotation.reset();
      onChanged();
    },
  });
  return (
    <div className="stack">
      {children}
      <p>{live > 1 ? t("apps.rotation.inProgress", { name }) : t("apps.rotation.oneLive", { name })}</p>
      {rotation.data && (
        <div role="status" className="card">
          <p>{t("apps.rotation.copyNow", { name })}</p>
          <CopyField label={t("apps.rotation.newLabel", { name })} value={rotation.data} />
        </div>
      )}
      {canEdit && (
        <div className="row">
          <button type="button" onClick={() => rotation.mutate()} disabled={rotation.isPending}>
            {t("apps.rotation.rotate", { name })}
          </button>
          {live > 1 && !confirming && (
            <button type="button" className="danger" onClick={() => setConfirming(true)}>
              {t("apps.rotation.removeOld", { name })}
            </button>
          )}
        </div>
      )}
      {confirming && (
        <div role="alertdialog" aria-label={t("apps.rotation.removeOld", { name })} className="card">
          <p>{t("apps.rotation.refused", { name })}</p>
          <div className="row">
            <button type="button" className="danger" onClick={() => removal.mutate()} disabled={removal.isPending}>
              {t("apps.rotation.confirmRemoval")}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t("common.cancel")}
            </button>
          </div>
        </div>
      )}
      <ErrorNote error={rotation.error ?? removal.error} />
    </div>
  );
}
