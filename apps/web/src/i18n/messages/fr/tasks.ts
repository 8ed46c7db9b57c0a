import type { tasks as en } from "../en/tasks.js";

export const tasks = {
  "tasks.nav": "Tâches",
  "tasks.title": "Tâches",
  "tasks.anyStatus": "Tous les statuts",
  "tasks.empty": "Aucune tâche avec ce statut.",
  "tasks.status.creating": "en cours de création",
  "tasks.status.open": "ouverte",
  "tasks.status.closed": "terminée",
  "tasks.provider": "dans {provider}",
  "tasks.conversation": "Conversation",
  "tasks.openExternal": "Ouvrir dans {provider}",
  "tasks.markDone": "Marquer « {title} » comme terminée",
  "tasks.reopen": "Rouvrir « {title} »",
} satisfies Record<keyof typeof en, string>;
