CREATE TABLE `engine_concurrency_slots` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text,
	`concurrency_key` text NOT NULL,
	`slot` integer NOT NULL,
	`run_id` text NOT NULL,
	`lease_until` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `engine_concurrency_key_slot_uq` ON `engine_concurrency_slots` (`concurrency_key`,`slot`);--> statement-breakpoint
CREATE TABLE `engine_crons` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text,
	`function_id` text NOT NULL,
	`cron` text NOT NULL,
	`next_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `engine_events` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text,
	`name` text NOT NULL,
	`data` text NOT NULL,
	`ts` integer NOT NULL,
	`received_at` integer NOT NULL,
	`processed_at` integer
);
--> statement-breakpoint
CREATE INDEX `engine_events_pending_idx` ON `engine_events` (`processed_at`,`received_at`);--> statement-breakpoint
CREATE TABLE `engine_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text,
	`function_id` text NOT NULL,
	`event_id` text NOT NULL,
	`event` text NOT NULL,
	`status` text NOT NULL,
	`attempt` integer NOT NULL,
	`max_attempts` integer NOT NULL,
	`failures` integer NOT NULL,
	`last_error` text,
	`last_step` text,
	`output` text,
	`concurrency_key` text,
	`concurrency_limit` integer,
	`next_run_at` integer,
	`lease_owner` text,
	`lease_until` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`finished_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `engine_runs_function_event_uq` ON `engine_runs` (`function_id`,`event_id`);--> statement-breakpoint
CREATE INDEX `engine_runs_due_idx` ON `engine_runs` (`status`,`next_run_at`);--> statement-breakpoint
CREATE INDEX `engine_runs_org_idx` ON `engine_runs` (`org_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `engine_steps` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text,
	`run_id` text NOT NULL,
	`step_id` text NOT NULL,
	`name` text NOT NULL,
	`result` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `engine_steps_run_step_uq` ON `engine_steps` (`run_id`,`step_id`);--> statement-breakpoint
CREATE TABLE `engine_waits` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text,
	`run_id` text NOT NULL,
	`step_id` text NOT NULL,
	`kind` text NOT NULL,
	`event_name` text,
	`expression` text,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`resolved_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `engine_waits_run_step_uq` ON `engine_waits` (`run_id`,`step_id`);--> statement-breakpoint
CREATE INDEX `engine_waits_event_idx` ON `engine_waits` (`event_name`,`resolved_at`);