CREATE TABLE `front_plugin_configs` (
	`id` varchar(40) NOT NULL,
	`org_id` varchar(40) NOT NULL,
	`secret_ciphertext` text NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `front_plugin_configs_id` PRIMARY KEY(`id`),
	CONSTRAINT `front_plugin_configs_org_uq` UNIQUE(`org_id`)
);
