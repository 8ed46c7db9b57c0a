/** The audit log (admins and owners). */
export const audit = {
  "audit.title": "Audit log",
  "audit.forAdmins": "The audit log is for admins and owners.",
  "audit.filter.label": "Filter the audit log",
  "audit.filter.action": "Action",
  "audit.filter.allActions": "All actions",
  "audit.filter.actor": "Actor",
  "audit.filter.anyone": "Anyone",
  "audit.filter.people": "People",
  "audit.filter.keys": "API keys",
  "audit.filter.system": "System",
  "audit.filter.contains": "Contains",
  "audit.column.when": "When",
} as const;
