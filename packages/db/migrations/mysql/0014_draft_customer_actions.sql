ALTER TABLE `drafts` ADD `customer` json;--> statement-breakpoint
ALTER TABLE `drafts` ADD `actions` json;