CREATE TABLE `draft_outcomes` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`app_id` varchar(40) NOT NULL,
	`draft_id` varchar(40) NOT NULL,
	`category` varchar(64) NOT NULL,
	`outcome` varchar(16) NOT NULL,
	`overlap_bp` int,
	`would_auto_send` boolean NOT NULL,
	`actor` varchar(100) NOT NULL,
	`surface` varchar(16) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `draft_outcomes_id` PRIMARY KEY(`id`),
	CONSTRAINT `draft_outcomes_draft_uq` UNIQUE(`org_id`,`draft_id`)
);
--> statement-breakpoint
CREATE TABLE `drafts` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`app_id` varchar(40) NOT NULL,
	`conversation_id` varchar(40) NOT NULL,
	`message_id` varchar(40) NOT NULL,
	`status` varchar(20) NOT NULL,
	`category` varchar(64) NOT NULL,
	`text` text NOT NULL,
	`citations` json NOT NULL,
	`triage` json NOT NULL,
	`gates` json NOT NULL,
	`decision` json NOT NULL,
	`usage` json NOT NULL,
	`trace_id` varchar(64) NOT NULL,
	`sent_text` text,
	`delivery_id` varchar(40),
	`decided_by` varchar(100),
	`decided_at` datetime(3),
	`decided_via` varchar(16),
	`reason` text,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `drafts_id` PRIMARY KEY(`id`),
	CONSTRAINT `drafts_message_uq` UNIQUE(`org_id`,`message_id`)
);
--> statement-breakpoint
CREATE INDEX `draft_outcomes_trust_idx` ON `draft_outcomes` (`org_id`,`app_id`,`category`,`created_at`);--> statement-breakpoint
CREATE INDEX `drafts_status_idx` ON `drafts` (`org_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `drafts_conversation_idx` ON `drafts` (`org_id`,`conversation_id`);