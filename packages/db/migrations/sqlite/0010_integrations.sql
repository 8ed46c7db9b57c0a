CREATE TABLE `action_executions` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`app_id` text NOT NULL,
	`draft_id` text NOT NULL,
	`action` text NOT NULL,
	`input` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`status` text NOT NULL,
	`result` text,
	`error` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `action_executions_key_uq` ON `action_executions` (`org_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `action_executions_draft_idx` ON `action_executions` (`org_id`,`draft_id`);--> statement-breakpoint
CREATE TABLE `app_integrations` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`app_id` text NOT NULL,
	`url` text NOT NULL,
	`secrets_ciphertext` text NOT NULL,
	`policy` text NOT NULL,
	`capabilities` text,
	`checked_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `app_integrations_app_uq` ON `app_integrations` (`org_id`,`app_id`);--> statement-breakpoint
CREATE TABLE `stripe_accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`app_id` text NOT NULL,
	`stripe_account_id` text NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stripe_accounts_app_uq` ON `stripe_accounts` (`org_id`,`app_id`);--> statement-breakpoint
CREATE INDEX `stripe_accounts_account_idx` ON `stripe_accounts` (`stripe_account_id`);