CREATE TABLE `draft_outcomes` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`app_id` text NOT NULL,
	`draft_id` text NOT NULL,
	`category` text NOT NULL,
	`outcome` text NOT NULL,
	`overlap_bp` integer,
	`would_auto_send` integer NOT NULL,
	`actor` text NOT NULL,
	`surface` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `draft_outcomes_draft_uq` ON `draft_outcomes` (`org_id`,`draft_id`);--> statement-breakpoint
CREATE INDEX `draft_outcomes_trust_idx` ON `draft_outcomes` (`org_id`,`app_id`,`category`,`created_at`);--> statement-breakpoint
CREATE TABLE `drafts` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`app_id` text NOT NULL,
	`conversation_id` text NOT NULL,
	`message_id` text NOT NULL,
	`status` text NOT NULL,
	`category` text NOT NULL,
	`text` text NOT NULL,
	`citations` text NOT NULL,
	`triage` text NOT NULL,
	`gates` text NOT NULL,
	`decision` text NOT NULL,
	`usage` text NOT NULL,
	`trace_id` text NOT NULL,
	`sent_text` text,
	`delivery_id` text,
	`decided_by` text,
	`decided_at` integer,
	`decided_via` text,
	`reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `drafts_message_uq` ON `drafts` (`org_id`,`message_id`);--> statement-breakpoint
CREATE INDEX `drafts_status_idx` ON `drafts` (`org_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `drafts_conversation_idx` ON `drafts` (`org_id`,`conversation_id`);