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
CREATE UNIQUE INDEX `triage_configs_app_uq` ON `triage_configs` (`org_id`,`app_id`);