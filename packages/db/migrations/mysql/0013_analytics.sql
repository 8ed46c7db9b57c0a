ALTER TABLE `conversations` ADD `closed_at` datetime(3);--> statement-breakpoint
CREATE INDEX `conversations_created_idx` ON `conversations` (`org_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `drafts_created_idx` ON `drafts` (`org_id`,`created_at`);