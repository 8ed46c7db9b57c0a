ALTER TABLE `drafts` DROP INDEX `drafts_message_uq`;--> statement-breakpoint
ALTER TABLE `drafts` ADD `attempt` int DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `drafts` ADD CONSTRAINT `drafts_message_attempt_uq` UNIQUE(`org_id`,`message_id`,`attempt`);