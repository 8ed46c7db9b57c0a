CREATE TABLE `procedures` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`app_id` varchar(40) NOT NULL,
	`key` varchar(64) NOT NULL,
	`version` int NOT NULL,
	`trigger_category` varchar(64) NOT NULL,
	`definition` json NOT NULL,
	`removed_at` datetime(3),
	`created_by` varchar(100) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `procedures_id` PRIMARY KEY(`id`),
	CONSTRAINT `procedures_version_uq` UNIQUE(`org_id`,`app_id`,`key`,`version`)
);
--> statement-breakpoint
CREATE TABLE `triage_configs` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`app_id` varchar(40) NOT NULL,
	`categories` json NOT NULL,
	`threshold_percent` int NOT NULL,
	`fallback_category` varchar(64),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `triage_configs_id` PRIMARY KEY(`id`),
	CONSTRAINT `triage_configs_app_uq` UNIQUE(`org_id`,`app_id`)
);
--> statement-breakpoint
CREATE INDEX `procedures_trigger_idx` ON `procedures` (`org_id`,`app_id`,`trigger_category`);