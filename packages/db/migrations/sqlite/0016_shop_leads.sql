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
ALTER TABLE `quotes` ADD `message_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `quotes_message_uq` ON `quotes` (`org_id`,`message_id`);