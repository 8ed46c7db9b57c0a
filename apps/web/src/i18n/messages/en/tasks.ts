/** The task list procedures fill (ADR 0111). */
export const tasks = {
  "tasks.nav": "Tasks",
  "tasks.title": "Tasks",
  "tasks.anyStatus": "Any status",
  "tasks.empty": "No task with this status.",
  "tasks.status.creating": "being created",
  "tasks.status.open": "open",
  "tasks.status.closed": "done",
  "tasks.provider": "in {provider}",
  "tasks.conversation": "Conversation",
  "tasks.openExternal": "Open in {provider}",
  "tasks.markDone": "Mark “{title}” done",
  "tasks.reopen": "Reopen “{title}”",
} as const;
