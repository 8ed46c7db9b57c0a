import { useEffect } from "react";
import { commandForKey, type QueueCommand } from "../lib/queue.js";

/** j/k/a/e/r on the page, ignored while typing in a field (see commandForKey). */
export function useQueueKeyboard(onCommand: (command: QueueCommand) => void) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const command = commandForKey({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        targetTag: target?.tagName,
        targetEditable: target?.isContentEditable,
      });
      if (!command) return;
      event.preventDefault();
      onCommand(command);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onCommand]);
}
