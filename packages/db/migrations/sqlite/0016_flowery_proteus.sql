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
CREATE INDEX `quotes_conversation_idx` ON `quotes` (`org_id`,`conversation_id`);