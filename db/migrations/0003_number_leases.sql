CREATE TABLE `number_lease` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`year` integer NOT NULL,
	`from_n` integer NOT NULL,
	`to_n` integer NOT NULL,
	`next_n` integer NOT NULL,
	`source` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `number_lease_kind_year` ON `number_lease` (`kind`,`year`);