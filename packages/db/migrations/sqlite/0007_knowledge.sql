CREATE TABLE `knowledge_chunks` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`namespace` text NOT NULL,
	`source_id` text NOT NULL,
	`source_kind` text NOT NULL,
	`language` text,
	`ordinal` integer NOT NULL,
	`title` text NOT NULL,
	`url` text,
	`text` text NOT NULL,
	`embedder` text NOT NULL,
	`embedding` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `knowledge_chunks_ns_idx` ON `knowledge_chunks` (`org_id`,`namespace`);--> statement-breakpoint
CREATE INDEX `knowledge_chunks_source_idx` ON `knowledge_chunks` (`org_id`,`source_id`);--> statement-breakpoint
CREATE TABLE `knowledge_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`content` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `knowledge_documents_org_idx` ON `knowledge_documents` (`org_id`);--> statement-breakpoint
CREATE TABLE `knowledge_sources` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`namespace` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`uri` text,
	`status` text NOT NULL,
	`error` text,
	`chunks_done` integer NOT NULL,
	`chunks_total` integer NOT NULL,
	`language` text,
	`options` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`indexed_at` integer
);
--> statement-breakpoint
CREATE INDEX `knowledge_sources_org_ns_idx` ON `knowledge_sources` (`org_id`,`namespace`,`id`);