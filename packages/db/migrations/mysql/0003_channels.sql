DROP INDEX `contacts_email_idx` ON `contacts`;--> statement-breakpoint
DROP INDEX `contacts_phone_idx` ON `contacts`;--> statement-breakpoint
DROP INDEX `outbox_pending_idx` ON `outbox`;--> statement-breakpoint
ALTER TABLE `channels` ADD `settings` json NOT NULL;--> statement-breakpoint
ALTER TABLE `conversations` ADD `tags` json;--> statement-breakpoint
ALTER TABLE `inbound_events` ADD `event_type` varchar(100) NOT NULL;--> statement-breakpoint
ALTER TABLE `inbound_events` ADD `headers` json NOT NULL;--> statement-breakpoint
ALTER TABLE `inbound_events` ADD `reason` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `author_name` varchar(200);--> statement-breakpoint
ALTER TABLE `messages` ADD `kind` varchar(16) NOT NULL;--> statement-breakpoint
ALTER TABLE `messages` ADD `metadata` json;--> statement-breakpoint
ALTER TABLE `messages` ADD `inbound_event_id` varchar(40);--> statement-breakpoint
ALTER TABLE `outbox` ADD `last_error` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `next_attempt_at` datetime(3) NOT NULL;--> statement-breakpoint
CREATE INDEX `contacts_external_idx` ON `contacts` (`org_id`,`external_id`);--> statement-breakpoint
CREATE INDEX `conversations_status_idx` ON `conversations` (`org_id`,`status`,`last_message_at`);--> statement-breakpoint
CREATE INDEX `contacts_email_idx` ON `contacts` (`org_id`,`email`);--> statement-breakpoint
CREATE INDEX `contacts_phone_idx` ON `contacts` (`org_id`,`phone`);--> statement-breakpoint
CREATE INDEX `outbox_pending_idx` ON `outbox` (`published_at`,`next_attempt_at`);