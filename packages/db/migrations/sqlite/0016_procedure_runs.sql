CREATE TABLE `procedure_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`app_id` text NOT NULL,
	`conversation_id` text NOT NULL,
	`procedure_id` text NOT NULL,
	`procedure_key` text NOT NULL,
	`procedure_version` integer NOT NULL,
	`trigger_message_id` text NOT NULL,
	`state` text NOT NULL,
	`current_step` text,
	`data` text NOT NULL,
	`results` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`finished_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `procedure_runs_trigger_uq` ON `procedure_runs` (`org_id`,`trigger_message_id`);--> statement-breakpoint
CREATE INDEX `procedure_runs_conversation_idx` ON `procedure_runs` (`org_id`,`conversation_id`,`state`);--> statement-breakpoint
CREATE TABLE `task_connections` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`app_id` text NOT NULL,
	`provider` text NOT NULL,
	`api_url` text NOT NULL,
	`list_id` text NOT NULL,
	`parent_task_id` text,
	`token_ciphertext` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `task_connections_app_uq` ON `task_connections` (`org_id`,`app_id`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`app_id` text NOT NULL,
	`conversation_id` text,
	`run_id` text,
	`idempotency_key` text NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`provider` text NOT NULL,
	`external_id` text,
	`url` text,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`closed_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_idempotency_uq` ON `tasks` (`org_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `tasks_status_idx` ON `tasks` (`org_id`,`status`,`created_at`);--> statement-breakpoint
ALTER TABLE `conversations` ADD `procedure_status` text;