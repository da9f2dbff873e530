CREATE TABLE `sent_mutation` (
	`client_id` text NOT NULL,
	`mutation_id` integer NOT NULL,
	`name` text NOT NULL,
	`args` text NOT NULL,
	`user_id` text NOT NULL,
	`at` text NOT NULL,
	`sent_at` text NOT NULL,
	PRIMARY KEY(`client_id`, `mutation_id`)
);
--> statement-breakpoint
CREATE INDEX `sent_mutation_sent_at` ON `sent_mutation` (`sent_at`);