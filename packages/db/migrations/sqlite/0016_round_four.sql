CREATE TABLE `front_plugin_configs` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`secret_ciphertext` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `front_plugin_configs_org_uq` ON `front_plugin_configs` (`org_id`);--> statement-breakpoint
CREATE TABLE `leads` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`app_id` text NOT NULL,
	`contact_id` text NOT NULL,
	`conversation_id` text,
	`stage` text NOT NULL,
	`value_minor` integer,
	`currency` text,
	`owner` text,
	`notes` text,
	`quote_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `leads_app_contact_uq` ON `leads` (`org_id`,`app_id`,`contact_id`);--> statement-breakpoint
CREATE INDEX `leads_app_stage_idx` ON `leads` (`org_id`,`app_id`,`stage`);--> statement-breakpoint
CREATE TABLE `platform_mails` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text,
	`kind` text NOT NULL,
	`recipient` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `platform_mails_org_idx` ON `platform_mails` (`org_id`,`id`);--> statement-breakpoint
CREATE INDEX `platform_mails_recipient_idx` ON `platform_mails` (`recipient`,`id`);--> statement-breakpoint
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
CREATE TABLE `shop_settings` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`app_id` text NOT NULL,
	`settings` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shop_settings_app_uq` ON `shop_settings` (`org_id`,`app_id`);--> statement-breakpoint
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
CREATE TABLE `webhook_replay_keys` (
	`key` text PRIMARY KEY NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `webhook_replay_keys_expires_idx` ON `webhook_replay_keys` (`expires_at`);--> statement-breakpoint
DROP INDEX `drafts_message_uq`;--> statement-breakpoint
ALTER TABLE `drafts` ADD `attempt` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `drafts_message_attempt_uq` ON `drafts` (`org_id`,`message_id`,`attempt`);--> statement-breakpoint
ALTER TABLE `conversations` ADD `procedure_status` text;--> statement-breakpoint
ALTER TABLE `quotes` ADD `message_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `quotes_message_uq` ON `quotes` (`org_id`,`message_id`);