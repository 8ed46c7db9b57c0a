CREATE TABLE `webhook_replay_keys` (
	`key` text PRIMARY KEY NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `webhook_replay_keys_expires_idx` ON `webhook_replay_keys` (`expires_at`);