CREATE TABLE `channels` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`app_id` varchar(40) NOT NULL,
	`kind` varchar(16) NOT NULL,
	`credentials_ciphertext` text,
	`status` varchar(16) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `channels_id` PRIMARY KEY(`id`),
	CONSTRAINT `channels_app_kind_uq` UNIQUE(`org_id`,`app_id`,`kind`)
);
--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`app_id` varchar(40) NOT NULL,
	`email` varchar(320),
	`phone` varchar(32),
	`name` varchar(200),
	`external_id` varchar(200),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `contacts_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `conversations` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`app_id` varchar(40) NOT NULL,
	`contact_id` varchar(40) NOT NULL,
	`channel_kind` varchar(16) NOT NULL,
	`external_id` varchar(200) NOT NULL,
	`subject` varchar(500),
	`status` varchar(16) NOT NULL,
	`assignee` varchar(200),
	`last_message_at` datetime(3) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `conversations_id` PRIMARY KEY(`id`),
	CONSTRAINT `conversations_external_uq` UNIQUE(`org_id`,`app_id`,`channel_kind`,`external_id`)
);
--> statement-breakpoint
CREATE TABLE `inbound_events` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`app_id` varchar(40) NOT NULL,
	`channel_kind` varchar(16) NOT NULL,
	`vendor_event_id` varchar(200) NOT NULL,
	`payload` text NOT NULL,
	`status` varchar(16) NOT NULL,
	`received_at` datetime(3) NOT NULL,
	CONSTRAINT `inbound_events_id` PRIMARY KEY(`id`),
	CONSTRAINT `inbound_events_vendor_uq` UNIQUE(`app_id`,`channel_kind`,`vendor_event_id`)
);
--> statement-breakpoint
CREATE TABLE `messages` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`conversation_id` varchar(40) NOT NULL,
	`direction` varchar(16) NOT NULL,
	`author_kind` varchar(16) NOT NULL,
	`external_id` varchar(200),
	`text` text NOT NULL,
	`html` text,
	`attachments` json,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `messages_id` PRIMARY KEY(`id`),
	CONSTRAINT `messages_external_uq` UNIQUE(`org_id`,`conversation_id`,`external_id`)
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`name` varchar(100) NOT NULL,
	`payload` json NOT NULL,
	`attempts` int NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`published_at` datetime(3),
	CONSTRAINT `outbox_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE INDEX `contacts_email_idx` ON `contacts` (`org_id`,`app_id`,`email`);--> statement-breakpoint
CREATE INDEX `contacts_phone_idx` ON `contacts` (`org_id`,`app_id`,`phone`);--> statement-breakpoint
CREATE INDEX `conversations_recent_idx` ON `conversations` (`org_id`,`app_id`,`last_message_at`);--> statement-breakpoint
CREATE INDEX `inbound_events_org_idx` ON `inbound_events` (`org_id`,`received_at`);--> statement-breakpoint
CREATE INDEX `messages_conversation_idx` ON `messages` (`org_id`,`conversation_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `outbox_pending_idx` ON `outbox` (`published_at`,`id`);