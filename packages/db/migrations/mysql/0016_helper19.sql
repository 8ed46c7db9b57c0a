CREATE TABLE `webhook_replay_keys` (
	`key` varchar(64) NOT NULL,
	`expires_at` datetime(3) NOT NULL,
	CONSTRAINT `webhook_replay_keys_key` PRIMARY KEY(`key`)
);
--> statement-breakpoint
CREATE INDEX `webhook_replay_keys_expires_idx` ON `webhook_replay_keys` (`expires_at`);