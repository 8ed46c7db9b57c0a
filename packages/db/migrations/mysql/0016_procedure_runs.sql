CREATE TABLE `procedure_runs` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`app_id` varchar(40) NOT NULL,
	`conversation_id` varchar(40) NOT NULL,
	`procedure_id` varchar(40) NOT NULL,
	`procedure_key` varchar(64) NOT NULL,
	`procedure_version` int NOT NULL,
	`trigger_message_id` varchar(40) NOT NULL,
	`state` varchar(16) NOT NULL,
	`current_step` varchar(64),
	`data` json NOT NULL,
	`results` json NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	`finished_at` datetime(3),
	CONSTRAINT `procedure_runs_id` PRIMARY KEY(`id`),
	CONSTRAINT `procedure_runs_trigger_uq` UNIQUE(`org_id`,`trigger_message_id`)
);
--> statement-breakpoint
CREATE TABLE `task_connections` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`app_id` varchar(40) NOT NULL,
	`provider` varchar(16) NOT NULL,
	`api_url` varchar(500) NOT NULL,
	`list_id` varchar(100) NOT NULL,
	`parent_task_id` varchar(100),
	`token_ciphertext` text NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `task_connections_id` PRIMARY KEY(`id`),
	CONSTRAINT `task_connections_app_uq` UNIQUE(`org_id`,`app_id`)
);
--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`app_id` varchar(40) NOT NULL,
	`conversation_id` varchar(40),
	`run_id` varchar(40),
	`idempotency_key` varchar(200) NOT NULL,
	`title` varchar(300) NOT NULL,
	`description` text,
	`provider` varchar(16) NOT NULL,
	`external_id` varchar(100),
	`url` varchar(500),
	`status` varchar(16) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	`closed_at` datetime(3),
	CONSTRAINT `tasks_id` PRIMARY KEY(`id`),
	CONSTRAINT `tasks_idempotency_uq` UNIQUE(`org_id`,`idempotency_key`)
);
--> statement-breakpoint
ALTER TABLE `conversations` ADD `procedure_status` varchar(32);--> statement-breakpoint
CREATE INDEX `procedure_runs_conversation_idx` ON `procedure_runs` (`org_id`,`conversation_id`,`state`);--> statement-breakpoint
CREATE INDEX `tasks_status_idx` ON `tasks` (`org_id`,`status`,`created_at`);