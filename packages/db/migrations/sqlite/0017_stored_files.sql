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