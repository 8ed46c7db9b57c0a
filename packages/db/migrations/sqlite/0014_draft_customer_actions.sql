ALTER TABLE `drafts` ADD `customer` text;--> statement-breakpoint
ALTER TABLE `drafts` ADD `actions` text;