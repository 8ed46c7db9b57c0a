CREATE TABLE `front_plugin_configs` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`secret_ciphertext` text NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `front_plugin_configs_id` PRIMARY KEY(`id`),
	CONSTRAINT `front_plugin_configs_org_uq` UNIQUE(`org_id`)
);
--> statement-breakpoint
CREATE TABLE `leads` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`app_id` varchar(40) NOT NULL,
	`contact_id` varchar(40) NOT NULL,
	`conversation_id` varchar(40),
	`stage` varchar(16) NOT NULL,
	`value_minor` int,
	`currency` varchar(3),
	`owner` varchar(200),
	`notes` text,
	`quote_id` varchar(40),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `leads_id` PRIMARY KEY(`id`),
	CONSTRAINT `leads_app_contact_uq` UNIQUE(`org_id`,`app_id`,`contact_id`)
);
--> statement-breakpoint
CREATE TABLE `platform_mails` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40),
	`kind` varchar(24) NOT NULL,
	`recipient` varchar(320) NOT NULL,
	`subject` varchar(500) NOT NULL,
	`text` text NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `platform_mails_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
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
CREATE TABLE `shop_settings` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`app_id` varchar(40) NOT NULL,
	`settings` json NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `shop_settings_id` PRIMARY KEY(`id`),
	CONSTRAINT `shop_settings_app_uq` UNIQUE(`org_id`,`app_id`)
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
CREATE TABLE `webhook_replay_keys` (
	`key` varchar(64) NOT NULL,
	`expires_at` datetime(3) NOT NULL,
	CONSTRAINT `webhook_replay_keys_key` PRIMARY KEY(`key`)
);
--> statement-breakpoint
ALTER TABLE `drafts` DROP INDEX `drafts_message_uq`;--> statement-breakpoint
ALTER TABLE `conversations` ADD `procedure_status` varchar(32);--> statement-breakpoint
ALTER TABLE `drafts` ADD `attempt` int DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `quotes` ADD `message_id` varchar(40);--> statement-breakpoint
ALTER TABLE `drafts` ADD CONSTRAINT `drafts_message_attempt_uq` UNIQUE(`org_id`,`message_id`,`attempt`);--> statement-breakpoint
ALTER TABLE `quotes` ADD CONSTRAINT `quotes_message_uq` UNIQUE(`org_id`,`message_id`);--> statement-breakpoint
CREATE INDEX `leads_app_stage_idx` ON `leads` (`org_id`,`app_id`,`stage`);--> statement-breakpoint
CREATE INDEX `platform_mails_org_idx` ON `platform_mails` (`org_id`,`id`);--> statement-breakpoint
CREATE INDEX `platform_mails_recipient_idx` ON `platform_mails` (`recipient`,`id`);--> statement-breakpoint
CREATE INDEX `procedure_runs_conversation_idx` ON `procedure_runs` (`org_id`,`conversation_id`,`state`);--> statement-breakpoint
CREATE INDEX `tasks_status_idx` ON `tasks` (`org_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `webhook_replay_keys_expires_idx` ON `webhook_replay_keys` (`expires_at`);