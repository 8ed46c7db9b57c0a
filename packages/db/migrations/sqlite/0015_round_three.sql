CREATE TABLE `billing_accounts` (
	`org_id` text PRIMARY KEY NOT NULL,
	`stripe_customer_id` text,
	`stripe_subscription_id` text,
	`plan_id` text,
	`stripe_status` text,
	`currency` text,
	`current_period_start` integer,
	`current_period_end` integer,
	`last_event_at` integer,
	`overage` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `billing_accounts_customer_uq` ON `billing_accounts` (`stripe_customer_id`);--> statement-breakpoint
CREATE TABLE `billing_events` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text,
	`type` text NOT NULL,
	`event_at` integer NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `billing_events_org_idx` ON `billing_events` (`org_id`,`received_at`);--> statement-breakpoint
CREATE TABLE `procedures` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`app_id` text NOT NULL,
	`key` text NOT NULL,
	`version` integer NOT NULL,
	`trigger_category` text NOT NULL,
	`definition` text NOT NULL,
	`removed_at` integer,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `procedures_version_uq` ON `procedures` (`org_id`,`app_id`,`key`,`version`);--> statement-breakpoint
CREATE INDEX `procedures_trigger_idx` ON `procedures` (`org_id`,`app_id`,`trigger_category`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`app_id` text NOT NULL,
	`sku` text NOT NULL,
	`title` text NOT NULL,
	`titles` text,
	`description` text,
	`price_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`stock` integer,
	`image_url` text,
	`category` text,
	`active` integer NOT NULL,
	`synonyms` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_app_sku_uq` ON `products` (`org_id`,`app_id`,`sku`);--> statement-breakpoint
CREATE TABLE `quotes` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`app_id` text NOT NULL,
	`number` integer NOT NULL,
	`conversation_id` text,
	`customer` text NOT NULL,
	`lines` text NOT NULL,
	`terms` text NOT NULL,
	`currency` text NOT NULL,
	`language` text NOT NULL,
	`subtotal_minor` integer NOT NULL,
	`tax_minor` integer NOT NULL,
	`delivery_minor` integer NOT NULL,
	`total_minor` integer NOT NULL,
	`status` text NOT NULL,
	`valid_until` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quotes_app_number_uq` ON `quotes` (`org_id`,`app_id`,`number`);--> statement-breakpoint
CREATE INDEX `quotes_conversation_idx` ON `quotes` (`org_id`,`conversation_id`);--> statement-breakpoint
CREATE TABLE `triage_configs` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`app_id` text NOT NULL,
	`categories` text NOT NULL,
	`threshold_percent` integer NOT NULL,
	`fallback_category` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `triage_configs_app_uq` ON `triage_configs` (`org_id`,`app_id`);--> statement-breakpoint
ALTER TABLE `conversations` ADD `taken_over_by` text;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `text` text;