CREATE TABLE `stored_files` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`app_id` varchar(40) NOT NULL,
	`conversation_id` varchar(40),
	`message_id` varchar(40),
	`uploader` varchar(100) NOT NULL,
	`storage_key` varchar(200) NOT NULL,
	`name` varchar(255) NOT NULL,
	`content_type` varchar(100) NOT NULL,
	`size` int NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `stored_files_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE INDEX `stored_files_conversation_idx` ON `stored_files` (`org_id`,`conversation_id`);--> statement-breakpoint
CREATE INDEX `stored_files_key_idx` ON `stored_files` (`org_id`,`storage_key`);--> statement-breakpoint
CREATE INDEX `stored_files_uploader_idx` ON `stored_files` (`org_id`,`app_id`,`uploader`);