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
ALTER TABLE `quotes` ADD `message_id` varchar(40);--> statement-breakpoint
ALTER TABLE `quotes` ADD CONSTRAINT `quotes_message_uq` UNIQUE(`org_id`,`message_id`);--> statement-breakpoint
CREATE INDEX `leads_app_stage_idx` ON `leads` (`org_id`,`app_id`,`stage`);