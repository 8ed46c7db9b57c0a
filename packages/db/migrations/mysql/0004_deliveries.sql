CREATE TABLE `deliveries` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`app_id` varchar(40) NOT NULL,
	`conversation_id` varchar(40) NOT NULL,
	`channel_kind` varchar(16) NOT NULL,
	`idempotency_key` varchar(200) NOT NULL,
	`status` varchar(16) NOT NULL,
	`sandbox` boolean NOT NULL,
	`attempts` int NOT NULL,
	`vendor_message_id` varchar(200),
	`failure_reason` text,
	`sent_at` datetime(3),
	`delivered_at` datetime(3),
	`read_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `deliveries_id` PRIMARY KEY(`id`),
	CONSTRAINT `deliveries_idempotency_uq` UNIQUE(`org_id`,`idempotency_key`)
);
--> statement-breakpoint
CREATE TABLE `sandbox_messages` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`app_id` varchar(40) NOT NULL,
	`conversation_id` varchar(40) NOT NULL,
	`channel_kind` varchar(16) NOT NULL,
	`idempotency_key` varchar(200) NOT NULL,
	`recipient` varchar(320),
	`subject` varchar(500),
	`text` text NOT NULL,
	`html` text,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `sandbox_messages_id` PRIMARY KEY(`id`),
	CONSTRAINT `sandbox_messages_idempotency_uq` UNIQUE(`org_id`,`idempotency_key`)
);
--> statement-breakpoint
CREATE INDEX `deliveries_vendor_message_idx` ON `deliveries` (`org_id`,`channel_kind`,`vendor_message_id`);--> statement-breakpoint
CREATE INDEX `deliveries_conversation_idx` ON `deliveries` (`org_id`,`conversation_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `sandbox_messages_app_idx` ON `sandbox_messages` (`org_id`,`app_id`,`id`);