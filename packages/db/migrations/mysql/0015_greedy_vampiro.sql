ALTER TABLE `conversations` ADD `taken_over_by` varchar(200);--> statement-breakpoint
ALTER TABLE `deliveries` ADD `text` text;