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
ALTER TABLE `conversations` ADD `taken_over_by` varchar(200);--> statement-breakpoint
ALTER TABLE `deliveries` ADD `text` text;--> statement-breakpoint
CREATE INDEX `billing_events_org_idx` ON `billing_events` (`org_id`,`received_at`);