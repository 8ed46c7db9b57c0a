CREATE TABLE `quotes` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`app_id` varchar(40) NOT NULL,
	`number` int NOT NULL,
	`conversation_id` varchar(40),
	`customer` json NOT NULL,
	`lines` json NOT NULL,
	`terms` json NOT NULL,
	`currency` varchar(3) NOT NULL,
	`language` varchar(10) NOT NULL,
	`subtotal_minor` int NOT NULL,
	`tax_minor` int NOT NULL,
	`delivery_minor` int NOT NULL,
	`total_minor` int NOT NULL,
	`status` varchar(24) NOT NULL,
	`valid_until` datetime(3) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `quotes_id` PRIMARY KEY(`id`),
	CONSTRAINT `quotes_app_number_uq` UNIQUE(`org_id`,`app_id`,`number`)
);
--> statement-breakpoint
CREATE INDEX `quotes_conversation_idx` ON `quotes` (`org_id`,`conversation_id`);