CREATE TABLE `parking_quota` (
	`id` text PRIMARY KEY NOT NULL,
	`agency_id` text NOT NULL,
	`site_id` text NOT NULL,
	`type` text NOT NULL,
	`year` integer NOT NULL,
	`quota` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `parking_quota_of` ON `parking_quota` (`agency_id`,`site_id`,`type`,`year`);--> statement-breakpoint
CREATE TABLE `permit_application` (
	`id` text PRIMARY KEY NOT NULL,
	`agency_id` text NOT NULL,
	`site_id` text NOT NULL,
	`area_id` text NOT NULL,
	`type` text NOT NULL,
	`count_asked` integer NOT NULL,
	`purpose` text NOT NULL,
	`year` integer,
	`valid_from` text NOT NULL,
	`valid_to` text NOT NULL,
	`venue_booking_id` text,
	`plates` text NOT NULL,
	`vehicle_type` text NOT NULL,
	`contact_name` text DEFAULT '' NOT NULL,
	`state` text NOT NULL,
	`approved_count` integer DEFAULT 0 NOT NULL,
	`permit_ids` text NOT NULL,
	`rejected_reason` text DEFAULT '' NOT NULL,
	`filed_on` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `permit_application_state` ON `permit_application` (`state`);--> statement-breakpoint
CREATE INDEX `permit_application_booking` ON `permit_application` (`venue_booking_id`);