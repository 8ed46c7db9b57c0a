CREATE TABLE `billing_accounts` (
	`org_id` varchar(40) NOT NULL,
	`stripe_customer_id` varchar(64),
	`stripe_subscription_id` varchar(64),
	`plan_id` varchar(32),
	`stripe_status` varchar(24),
	`currency` varchar(3),
	`current_period_start` datetime(3),
	`current_period_end` datetime(3),
	`last_event_at` datetime(3),
	`overage` varchar(8) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `billing_accounts_org_id` PRIMARY KEY(`org_id`),
	CONSTRAINT `billing_accounts_customer_uq` UNIQUE(`stripe_customer_id`)
);
--> statement-breakpoint
CREATE TABLE `billing_events` (
	`id` varchar(100) NOT NULL,
	`org_id` varchar(40),
	`type` varchar(64) NOT NULL,
	`event_at` datetime(3) NOT NULL,
	`received_at` datetime(3) NOT NULL,
	CONSTRAINT `billing_events_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `procedures` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`app_id` varchar(40) NOT NULL,
	`key` varchar(64) NOT NULL,
	`version` int NOT NULL,
	`trigger_category` varchar(64) NOT NULL,
	`definition` json NOT NULL,
	`removed_at` datetime(3),
	`created_by` varchar(100) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `procedures_id` PRIMARY KEY(`id`),
	CONSTRAINT `procedures_version_uq` UNIQUE(`org_id`,`app_id`,`key`,`version`)
);
--> statement-breakpoint
CREATE TABLE `products` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`app_id` varchar(40) NOT NULL,
	`sku` varchar(64) NOT NULL,
	`title` varchar(200) NOT NULL,
	`titles` json,
	`description` text,
	`price_minor` int NOT NULL,
	`currency` varchar(3) NOT NULL,
	`stock` int,
	`image_url` varchar(2000),
	`category` varchar(100),
	`active` boolean NOT NULL,
	`synonyms` json,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `products_id` PRIMARY KEY(`id`),
	CONSTRAINT `products_app_sku_uq` UNIQUE(`org_id`,`app_id`,`sku`)
);
--> statement-breakpoint
CREATE TABLE `quotes` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`app_id` varchar(40) NOT NULL,
	`number` int NOT NULL,
	`conversation_id` varchar(40),
	`customer` json NOT NULL,
	`lines` json NOT NULL,
	`terms` json NOT NULL,
	`currency` varchar(3) NOT NULL,
	`language` varchar(10) NOT NULL,
	`subtotal_minor` int NOT NULL,
	`tax_minor` int NOT NULL,
	`delivery_minor` int NOT NULL,
	`total_minor` int NOT NULL,
	`status` varchar(24) NOT NULL,
	`valid_until` datetime(3) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `quotes_id` PRIMARY KEY(`id`),
	CONSTRAINT `quotes_app_number_uq` UNIQUE(`org_id`,`app_id`,`number`)
);
--> statement-breakpoint
CREATE TABLE `triage_configs` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`app_id` varchar(40) NOT NULL,
	`categories` json NOT NULL,
	`threshold_percent` int NOT NULL,
	`fallback_category` varchar(64),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `triage_configs_id` PRIMARY KEY(`id`),
	CONSTRAINT `triage_configs_app_uq` UNIQUE(`org_id`,`app_id`)
);
--> statement-breakpoint
ALTER TABLE `conversations` ADD `taken_over_by` varchar(200);--> statement-breakpoint
ALTER TABLE `deliveries` ADD `text` text;--> statement-breakpoint
CREATE INDEX `billing_events_org_idx` ON `billing_events` (`org_id`,`received_at`);--> statement-breakpoint
CREATE INDEX `procedures_trigger_idx` ON `procedures` (`org_id`,`app_id`,`trigger_category`);--> statement-breakpoint
CREATE INDEX `quotes_conversation_idx` ON `quotes` (`org_id`,`conversation_id`);