CREATE TABLE `products` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`app_id` text NOT NULL,
	`sku` text NOT NULL,
	`title` text NOT NULL,
	`titles` text,
	`description` text,
	`price_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`stock` integer,
	`image_url` text,
	`category` text,
	`active` integer NOT NULL,
	`synonyms` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_app_sku_uq` ON `products` (`org_id`,`app_id`,`sku`);