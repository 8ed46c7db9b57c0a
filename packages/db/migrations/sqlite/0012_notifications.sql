CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`app_id` text,
	`kind` text NOT NULL,
	`key` text NOT NULL,
	`draft_id` text,
	`conversation_id` text,
	`reason` text NOT NULL,
	`slack_channel_id` text,
	`slack_ts` text,
	`dismissed_by` text,
	`dismissed_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_key_uq` ON `notifications` (`org_id`,`key`);--> statement-breakpoint
CREATE INDEX `notifications_open_idx` ON `notifications` (`org_id`,`dismissed_at`,`created_at`);--> statement-breakpoint
ALTER TABLE `slack_configs` ADD `summary_channel_id` text;