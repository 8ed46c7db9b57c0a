CREATE TABLE `knowledge_chunks` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`namespace` varchar(40) NOT NULL,
	`source_id` varchar(40) NOT NULL,
	`source_kind` varchar(16) NOT NULL,
	`language` varchar(10),
	`ordinal` int NOT NULL,
	`title` text NOT NULL,
	`url` varchar(2000),
	`text` text NOT NULL,
	`embedder` varchar(64) NOT NULL,
	`embedding` text NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `knowledge_chunks_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `knowledge_documents` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`content` longtext NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `knowledge_documents_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `knowledge_sources` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`namespace` varchar(40) NOT NULL,
	`kind` varchar(16) NOT NULL,
	`title` varchar(500) NOT NULL,
	`uri` varchar(2000),
	`status` varchar(16) NOT NULL,
	`error` text,
	`chunks_done` int NOT NULL,
	`chunks_total` int NOT NULL,
	`language` varchar(10),
	`options` json,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	`indexed_at` datetime(3),
	CONSTRAINT `knowledge_sources_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE INDEX `knowledge_chunks_ns_idx` ON `knowledge_chunks` (`org_id`,`namespace`);--> statement-breakpoint
CREATE INDEX `knowledge_chunks_source_idx` ON `knowledge_chunks` (`org_id`,`source_id`);--> statement-breakpoint
CREATE INDEX `knowledge_documents_org_idx` ON `knowledge_documents` (`org_id`);--> statement-breakpoint
CREATE INDEX `knowledge_sources_org_ns_idx` ON `knowledge_sources` (`org_id`,`namespace`,`id`);