CREATE TABLE `channels` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`app_id` text NOT NULL,
	`kind` text NOT NULL,
	`credentials_ciphertext` text,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `channels_app_kind_uq` ON `channels` (`org_id`,`app_id`,`kind`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`app_id` text NOT NULL,
	`email` text,
	`phone` text,
	`name` text,
	`external_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `contacts_email_idx` ON `contacts` (`org_id`,`app_id`,`email`);--> statement-breakpoint
CREATE INDEX `contacts_phone_idx` ON `contacts` (`org_id`,`app_id`,`phone`);--> statement-breakpoint
CREATE TABLE `conversations` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`app_id` text NOT NULL,
	`contact_id` text NOT NULL,
	`channel_kind` text NOT NULL,
	`external_id` text NOT NULL,
	`subject` text,
	`status` text NOT NULL,
	`assignee` text,
	`last_message_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `conversations_external_uq` ON `conversations` (`org_id`,`app_id`,`channel_kind`,`external_id`);--> statement-breakpoint
CREATE INDEX `conversations_recent_idx` ON `conversations` (`org_id`,`app_id`,`last_message_at`);--> statement-breakpoint
CREATE TABLE `inbound_events` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`app_id` text NOT NULL,
	`channel_kind` text NOT NULL,
	`vendor_event_id` text NOT NULL,
	`payload` text NOT NULL,
	`status` text NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inbound_events_vendor_uq` ON `inbound_events` (`app_id`,`channel_kind`,`vendor_event_id`);--> statement-breakpoint
CREATE INDEX `inbound_events_org_idx` ON `inbound_events` (`org_id`,`received_at`);--> statement-breakpoint
CREATE TABLE `messages` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`conversation_id` text NOT NULL,
	`direction` text NOT NULL,
	`author_kind` text NOT NULL,
	`external_id` text,
	`text` text NOT NULL,
	`html` text,
	`attachments` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `messages_external_uq` ON `messages` (`org_id`,`conversation_id`,`external_id`);--> statement-breakpoint
CREATE INDEX `messages_conversation_idx` ON `messages` (`org_id`,`conversation_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`name` text NOT NULL,
	`payload` text NOT NULL,
	`attempts` integer NOT NULL,
	`created_at` integer NOT NULL,
	`published_at` integer
);
--> statement-breakpoint
CREATE INDEX `outbox_pending_idx` ON `outbox` (`published_at`,`id`);