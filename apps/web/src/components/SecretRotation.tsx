import { useMutation } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
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
  /** "webhook signing secret", "integration secret": used in button and field names. */
  name: string;
  /** How many secrets are live: 2 while a rotation overlaps. */
  live: number;
  canEdit: boolean;
  rotate: () => Promise<string>;
  removeOld: () => Promise<unknown>;
  onChanged: () => void;
  children?: ReactNode;
}) {
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
      <p>
        {live > 1
          ? `Rotation in progress: the old and the new ${name} both work until the old one is removed.`
          : `One ${name} is live.`}
      </p>
      {rotation.data && (
        <div role="status" className="card">
          <p>Copy the new {name} now: it is not shown again. Put it in every sender, then remove the old one.</p>
          <CopyField label={`New ${name}`} value={rotation.data} />
        </div>
      )}
      {canEdit && (
        <div className="row">
          <button type="button" onClick={() => rotation.mutate()} disabled={rotation.isPending}>
            Rotate {name}
          </button>
          {live > 1 && !confirming && (
            <button type="button" className="danger" onClick={() => setConfirming(true)}>
              Remove old {name}
            </button>
          )}
        </div>
      )}
      {confirming && (
        <div role="alertdialog" aria-label={`Remove old ${name}`} className="card">
          <p>Requests signed with the old {name} will be refused from now on.</p>
          <div className="row">
            <button type="button" className="danger" onClick={() => removal.mutate()} disabled={removal.isPending}>
              Confirm removal
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <ErrorNote error={rotation.error ?? removal.error} />
    </div>
  );
}
