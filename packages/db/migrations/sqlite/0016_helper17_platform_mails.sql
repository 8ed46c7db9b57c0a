CREATE TABLE `platform_mails` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text,
	`kind` text NOT NULL,
	`recipient` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `platform_mails_org_idx` ON `platform_mails` (`org_id`,`id`);--> statement-breakpoint
CREATE INDEX `platform_mails_recipient_idx` ON `platform_mails` (`recipient`,`id`);