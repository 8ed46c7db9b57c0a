CREATE TABLE `api_keys` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`name` varchar(200) NOT NULL,
	`prefix` varchar(32) NOT NULL,
	`hash` varchar(64) NOT NULL,
	`role` varchar(16) NOT NULL,
	`last_used_at` datetime(3),
	`revoked_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `api_keys_id` PRIMARY KEY(`id`),
	CONSTRAINT `api_keys_hash_uq` UNIQUE(`hash`)
);
--> statement-breakpoint
CREATE TABLE `apps` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`slug` varchar(100) NOT NULL,
	`name` varchar(200) NOT NULL,
	`settings` json NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `apps_id` PRIMARY KEY(`id`),
	CONSTRAINT `apps_org_slug_uq` UNIQUE(`org_id`,`slug`)
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`actor` varchar(100) NOT NULL,
	`action` varchar(100) NOT NULL,
	`subject` varchar(100) NOT NULL,
	`data` json,
	`trace_id` varchar(64),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `audit_log_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `organizations` (
	`id` varchar(40) NOT NULL,
	`name` varchar(200) NOT NULL,
	`slug` varchar(100) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `organizations_id` PRIMARY KEY(`id`),
	CONSTRAINT `organizations_slug_uq` UNIQUE(`slug`)
);
--> statement-breakpoint
CREATE TABLE `signing_keys` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`app_id` varchar(40) NOT NULL,
	`secret_ciphertext` text NOT NULL,
	`key_version` int NOT NULL,
	`active` boolean NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `signing_keys_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE INDEX `api_keys_org_idx` ON `api_keys` (`org_id`);--> statement-breakpoint
CREATE INDEX `audit_log_org_time_idx` ON `audit_log` (`org_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `signing_keys_app_idx` ON `signing_keys` (`org_id`,`app_id`);