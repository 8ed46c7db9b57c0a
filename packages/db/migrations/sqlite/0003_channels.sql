DROP INDEX `contacts_email_idx`;--> statement-breakpoint
DROP INDEX `contacts_phone_idx`;--> statement-breakpoint
CREATE INDEX `contacts_external_idx` ON `contacts` (`org_id`,`external_id`);--> statement-breakpoint
CREATE INDEX `contacts_email_idx` ON `contacts` (`org_id`,`email`);--> statement-breakpoint
CREATE INDEX `contacts_phone_idx` ON `contacts` (`org_id`,`phone`);--> statement-breakpoint
DROP INDEX `outbox_pending_idx`;--> statement-breakpoint
ALTER TABLE `outbox` ADD `last_error` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `next_attempt_at` integer NOT NULL DEFAULT 0;--> statement-breakpoint
CREATE INDEX `outbox_pending_idx` ON `outbox` (`published_at`,`next_attempt_at`);--> statement-breakpoint
ALTER TABLE `channels` ADD `settings` text NOT NULL DEFAULT '{}';--> statement-breakpoint
ALTER TABLE `conversations` ADD `tags` text;--> statement-breakpoint
CREATE INDEX `conversations_status_idx` ON `conversations` (`org_id`,`status`,`last_message_at`);--> statement-breakpoint
ALTER TABLE `inbound_events` ADD `event_type` text NOT NULL DEFAULT '';--> statement-breakpoint
ALTER TABLE `inbound_events` ADD `headers` text NOT NULL DEFAULT '{}';--> statement-breakpoint
ALTER TABLE `inbound_events` ADD `reason` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `author_name` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `kind` text NOT NULL DEFAULT 'text';--> statement-breakpoint
ALTER TABLE `messages` ADD `metadata` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `inbound_event_id` text;