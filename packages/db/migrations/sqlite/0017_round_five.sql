CREATE TABLE `quota_warnings` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`quota` text NOT NULL,
	`threshold` integer NOT NULL,
	`period_start` integer NOT NULL,
	`sent_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quota_warnings_uq` ON `quota_warnings` (`org_id`,`quota`,`threshold`,`period_start`);--> statement-breakpoint
CREATE TABLE `reply_ratings` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`app_id` text NOT NULL,
	`conversation_id` text NOT NULL,
	`reply_key` text NOT NULL,
	`delivery_id` text,
	`message_id` text,
	`source` text NOT NULL,
	`scale` text NOT NULL,
	`score` integer NOT NULL,
	`created_at` integer NOT NULL,
	`rated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reply_ratings_reply_uq` ON `reply_ratings` (`org_id`,`reply_key`);--> statement-breakpoint
CREATE INDEX `reply_ratings_rated_idx` ON `reply_ratings` (`org_id`,`rated_at`);--> statement-breakpoint
CREATE INDEX `reply_ratings_conversation_idx` ON `reply_ratings` (`org_id`,`conversation_id`);--> statement-breakpoint
CREATE TABLE `stored_files` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`app_id` text NOT NULL,
	`conversation_id` text,
	`message_id` text,
	`uploader` text NOT NULL,
	`storage_key` text NOT NULL,
	`name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `stored_files_conversation_idx` ON `stored_files` (`org_id`,`conversation_id`);--> statement-breakpoint
CREATE INDEX `stored_files_key_idx` ON `stored_files` (`org_id`,`storage_key`);--> statement-breakpoint
CREATE INDEX `stored_files_uploader_idx` ON `stored_files` (`org_id`,`app_id`,`uploader`);