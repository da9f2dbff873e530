CREATE TABLE `needs_attention` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`mutation_id` integer NOT NULL,
	`name` text NOT NULL,
	`args` text NOT NULL,
	`user_id` text NOT NULL,
	`at` text NOT NULL,
	`problem` text NOT NULL,
	`conflict` text,
	`refused_at` text NOT NULL
);
