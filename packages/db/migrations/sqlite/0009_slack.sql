CREATE TABLE `slack_cards` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`draft_id` text NOT NULL,
	`channel_id` text NOT NULL,
	`ts` text NOT NULL,
	`shown_status` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `slack_cards_draft_uq` ON `slack_cards` (`org_id`,`draft_id`);--> statement-breakpoint
CREATE TABLE `slack_configs` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`channel_id` text NOT NULL,
	`app_id` text,
	`api_url` text,
	`credentials_ciphertext` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `slack_configs_org_uq` ON `slack_configs` (`org_id`);