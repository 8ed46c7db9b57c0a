CREATE TABLE `notifications` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`app_id` varchar(40),
	`kind` varchar(24) NOT NULL,
	`key` varchar(120) NOT NULL,
	`draft_id` varchar(40),
	`conversation_id` varchar(40),
	`reason` text NOT NULL,
	`slack_channel_id` varchar(32),
	`slack_ts` varchar(32),
	`dismissed_by` varchar(100),
	`dismissed_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `notifications_id` PRIMARY KEY(`id`),
	CONSTRAINT `notifications_key_uq` UNIQUE(`org_id`,`key`)
);
--> statement-breakpoint
ALTER TABLE `slack_configs` ADD `summary_channel_id` varchar(32);--> statement-breakpoint
CREATE INDEX `notifications_open_idx` ON `notifications` (`org_id`,`dismissed_at`,`created_at`);