ALTER TABLE `conversations` ADD `taken_over_by` text;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `text` text;