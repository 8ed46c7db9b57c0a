CREATE TABLE `action_executions` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`app_id` varchar(40) NOT NULL,
	`draft_id` varchar(40) NOT NULL,
	`action` varchar(64) NOT NULL,
	`input` json NOT NULL,
	`idempotency_key` varchar(200) NOT NULL,
	`status` varchar(16) NOT NULL,
	`result` json,
	`error` text,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `action_executions_id` PRIMARY KEY(`id`),
	CONSTRAINT `action_executions_key_uq` UNIQUE(`org_id`,`idempotency_key`)
);
--> statement-breakpoint
CREATE TABLE `app_integrations` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`app_id` varchar(40) NOT NULL,
	`url` varchar(500) NOT NULL,
	`secrets_ciphertext` text NOT NULL,
	`policy` json NOT NULL,
	`capabilities` json,
	`checked_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `app_integrations_id` PRIMARY KEY(`id`),
	CONSTRAINT `app_integrations_app_uq` UNIQUE(`org_id`,`app_id`)
);
--> statement-breakpoint
CREATE TABLE `stripe_accounts` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`app_id` varchar(40) NOT NULL,
	`stripe_account_id` varchar(64) NOT NULL,
	`status` varchar(16) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `stripe_accounts_id` PRIMARY KEY(`id`),
	CONSTRAINT `stripe_accounts_app_uq` UNIQUE(`org_id`,`app_id`)
);
--> statement-breakpoint
CREATE INDEX `action_executions_draft_idx` ON `action_executions` (`org_id`,`draft_id`);--> statement-breakpoint
CREATE INDEX `stripe_accounts_account_idx` ON `stripe_accounts` (`stripe_account_id`);