CREATE TABLE `slack_cards` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`draft_id` varchar(40) NOT NULL,
	`channel_id` varchar(32) NOT NULL,
	`ts` varchar(32) NOT NULL,
	`shown_status` varchar(20) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `slack_cards_id` PRIMARY KEY(`id`),
	CONSTRAINT `slack_cards_draft_uq` UNIQUE(`org_id`,`draft_id`)
);
--> statement-breakpoint
CREATE TABLE `slack_configs` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`channel_id` varchar(32) NOT NULL,
	`app_id` varchar(40),
	`api_url` varchar(500),
	`credentials_ciphertext` text NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `slack_configs_id` PRIMARY KEY(`id`),
	CONSTRAINT `slack_configs_org_uq` UNIQUE(`org_id`)
);
