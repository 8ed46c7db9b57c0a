import type { PipelineDeps } from "../../drafts/pipeline-deps.js";
import type { KnowledgeDeps } from "../../knowledge/deps.js";
import type { Notifier } from "../../notifications/notifier.js";

/**
 * The pipeline's dependencies as the functions see them. They are built after the runtime (the
 * model gateway and knowledge need it), so functions receive a getter rather than the object.
 */
export type PipelineContext = () => PipelineDeps & {
  knowledge: KnowledgeDeps;
  retentionDays: number;
  /** Tells people (Slack) about reminders, escalations, failed sends and the daily summary. */
  notifier: Notifier;
};
