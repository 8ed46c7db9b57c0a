DROP INDEX `drafts_message_uq`;--> statement-breakpoint
ALTER TABLE `drafts` ADD `attempt` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `drafts_message_attempt_uq` ON `drafts` (`org_id`,`message_id`,`attempt`);