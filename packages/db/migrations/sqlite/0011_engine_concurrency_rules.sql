ALTER TABLE `engine_runs` DROP COLUMN `concurrency_key`;--> statement-breakpoint
ALTER TABLE `engine_runs` DROP COLUMN `concurrency_limit`;