CREATE TABLE `deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`app_id` text NOT NULL,
	`conversation_id` text NOT NULL,
	`channel_kind` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`status` text NOT NULL,
	`sandbox` integer NOT NULL,
	`attempts` integer NOT NULL,
	`vendor_message_id` text,
	`failure_reason` text,
	`sent_at` integer,
	`delivered_at` integer,
	`read_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_idempotency_uq` ON `deliveries` (`org_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `deliveries_vendor_message_idx` ON `deliveries` (`org_id`,`channel_kind`,`vendor_message_id`);--> statement-breakpoint
CREATE INDEX `deliveries_conversation_idx` ON `deliveries` (`org_id`,`conversation_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `sandbox_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`app_id` text NOT NULL,
	`conversation_id` text NOT NULL,
	`channel_kind` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`recipient` text,
	`subject` text,
	`text` text NOT NULL,
	`html` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sandbox_messages_idempotency_uq` ON `sandbox_messages` (`org_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `sandbox_messages_app_idx` ON `sandbox_messages` (`org_id`,`app_id`,`id`);