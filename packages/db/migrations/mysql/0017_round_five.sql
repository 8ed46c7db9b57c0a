CREATE TABLE `quota_warnings` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`quota` varchar(24) NOT NULL,
	`threshold` int NOT NULL,
	`period_start` datetime(3) NOT NULL,
	`sent_at` datetime(3) NOT NULL,
	CONSTRAINT `quota_warnings_id` PRIMARY KEY(`id`),
	CONSTRAINT `quota_warnings_uq` UNIQUE(`org_id`,`quota`,`threshold`,`period_start`)
);
--> statement-breakpoint
CREATE TABLE `reply_ratings` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`app_id` varchar(40) NOT NULL,
	`conversation_id` varchar(40) NOT NULL,
	`reply_key` varchar(64) NOT NULL,
	`delivery_id` varchar(40),
	`message_id` varchar(40),
	`source` varchar(16) NOT NULL,
	`scale` varchar(8) NOT NULL,
	`score` int NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`rated_at` datetime(3) NOT NULL,
	CONSTRAINT `reply_ratings_id` PRIMARY KEY(`id`),
	CONSTRAINT `reply_ratings_reply_uq` UNIQUE(`org_id`,`reply_key`)
);
--> statement-breakpoint
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
CREATE INDEX `reply_ratings_rated_idx` ON `reply_ratings` (`org_id`,`rated_at`);--> statement-breakpoint
CREATE INDEX `reply_ratings_conversation_idx` ON `reply_ratings` (`org_id`,`conversation_id`);--> statement-breakpoint
CREATE INDEX `stored_files_conversation_idx` ON `stored_files` (`org_id`,`conversation_id`);--> statement-breakpoint
CREATE INDEX `stored_files_key_idx` ON `stored_files` (`org_id`,`storage_key`);--> statement-breakpoint
CREATE INDEX `stored_files_uploader_idx` ON `stored_files` (`org_id`,`app_id`,`uploader`);