CREATE TABLE `engine_concurrency_slots` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40),
	`concurrency_key` varchar(300) NOT NULL,
	`slot` int NOT NULL,
	`run_id` varchar(40) NOT NULL,
	`lease_until` datetime(3) NOT NULL,
	CONSTRAINT `engine_concurrency_slots_id` PRIMARY KEY(`id`),
	CONSTRAINT `engine_concurrency_key_slot_uq` UNIQUE(`concurrency_key`,`slot`)
);
--> statement-breakpoint
CREATE TABLE `engine_crons` (
	`id` varchar(200) NOT NULL,
	`org_id` varchar(40),
	`function_id` varchar(150) NOT NULL,
	`cron` varchar(100) NOT NULL,
	`next_at` datetime(3) NOT NULL,
	CONSTRAINT `engine_crons_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `engine_events` (
	`id` varchar(100) NOT NULL,
	`org_id` varchar(40),
	`name` varchar(200) NOT NULL,
	`data` json NOT NULL,
	`ts` datetime(3) NOT NULL,
	`received_at` datetime(3) NOT NULL,
	`processed_at` datetime(3),
	CONSTRAINT `engine_events_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `engine_runs` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40),
	`function_id` varchar(150) NOT NULL,
	`event_id` varchar(100) NOT NULL,
	`event` json NOT NULL,
	`status` varchar(16) NOT NULL,
	`attempt` int NOT NULL,
	`max_attempts` int NOT NULL,
	`failures` int NOT NULL,
	`last_error` text,
	`last_step` varchar(200),
	`output` json,
	`concurrency_key` varchar(300),
	`concurrency_limit` int,
	`next_run_at` datetime(3),
	`lease_owner` varchar(64),
	`lease_until` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	`finished_at` datetime(3),
	CONSTRAINT `engine_runs_id` PRIMARY KEY(`id`),
	CONSTRAINT `engine_runs_function_event_uq` UNIQUE(`function_id`,`event_id`)
);
--> statement-breakpoint
CREATE TABLE `engine_steps` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40),
	`run_id` varchar(40) NOT NULL,
	`step_id` varchar(64) NOT NULL,
	`name` varchar(200) NOT NULL,
	`result` json NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `engine_steps_id` PRIMARY KEY(`id`),
	CONSTRAINT `engine_steps_run_step_uq` UNIQUE(`run_id`,`step_id`)
);
--> statement-breakpoint
CREATE TABLE `engine_waits` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40),
	`run_id` varchar(40) NOT NULL,
	`step_id` varchar(64) NOT NULL,
	`kind` varchar(16) NOT NULL,
	`event_name` varchar(200),
	`expression` text,
	`expires_at` datetime(3) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`resolved_at` datetime(3),
	CONSTRAINT `engine_waits_id` PRIMARY KEY(`id`),
	CONSTRAINT `engine_waits_run_step_uq` UNIQUE(`run_id`,`step_id`)
);
--> statement-breakpoint
CREATE INDEX `engine_events_pending_idx` ON `engine_events` (`processed_at`,`received_at`);--> statement-breakpoint
CREATE INDEX `engine_runs_due_idx` ON `engine_runs` (`status`,`next_run_at`);--> statement-breakpoint
CREATE INDEX `engine_runs_org_idx` ON `engine_runs` (`org_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `engine_waits_event_idx` ON `engine_waits` (`event_name`,`resolved_at`);