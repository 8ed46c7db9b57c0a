CREATE TABLE `platform_mails` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40),
	`kind` varchar(24) NOT NULL,
	`recipient` varchar(320) NOT NULL,
	`subject` varchar(500) NOT NULL,
	`text` text NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `platform_mails_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE INDEX `platform_mails_org_idx` ON `platform_mails` (`org_id`,`id`);--> statement-breakpoint
CREATE INDEX `platform_mails_recipient_idx` ON `platform_mails` (`recipient`,`id`);