CREATE TABLE `parking_area` (
	`id` text PRIMARY KEY NOT NULL,
	`space_id` text NOT NULL,
	`capacity_car` integer NOT NULL,
	`capacity_motorcycle` integer NOT NULL,
	`permit_types` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `parking_area_space` ON `parking_area` (`space_id`);--> statement-breakpoint
CREATE TABLE `permit` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`type` text NOT NULL,
	`site_id` text NOT NULL,
	`area_id` text NOT NULL,
	`holder_person_id` text,
	`holder_agency_id` text,
	`holder_name` text NOT NULL,
	`holder_title` text DEFAULT '' NOT NULL,
	`plates` text NOT NULL,
	`vehicle_type` text NOT NULL,
	`year` integer,
	`valid_from` text NOT NULL,
	`valid_to` text NOT NULL,
	`fee` integer DEFAULT 0 NOT NULL,
	`issued_on` text NOT NULL,
	`status` text NOT NULL,
	`revoked_reason` text DEFAULT '' NOT NULL,
	`replaces_id` text,
	`replaced_by_id` text,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `permit_number` ON `permit` (`number`);--> statement-breakpoint
CREATE INDEX `permit_type_year` ON `permit` (`type`,`year`);--> statement-breakpoint
CREATE INDEX `permit_type_issued` ON `permit` (`type`,`issued_on`);--> statement-breakpoint
CREATE INDEX `permit_valid_to` ON `permit` (`status`,`valid_to`);--> statement-breakpoint
CREATE INDEX `permit_agency` ON `permit` (`holder_agency_id`);--> statement-breakpoint
CREATE TABLE `permit_plate` (
	`id` text PRIMARY KEY NOT NULL,
	`permit_id` text NOT NULL,
	`permit_number` text NOT NULL,
	`site_id` text NOT NULL,
	`plate` text NOT NULL,
	`hold_key` text NOT NULL,
	`held_from` text NOT NULL,
	`held_to` text NOT NULL,
	`valid` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `permit_plate_hold` ON `permit_plate` (`hold_key`,`held_from`);--> statement-breakpoint
CREATE INDEX `permit_plate_of` ON `permit_plate` (`permit_id`);--> statement-breakpoint
CREATE INDEX `permit_plate_plate` ON `permit_plate` (`plate`);