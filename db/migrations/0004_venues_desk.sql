CREATE TABLE `booking` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`series_id` text,
	`original_date` text,
	`venue_id` text NOT NULL,
	`applicant_agency_id` text,
	`applicant_org` text DEFAULT '' NOT NULL,
	`contact_name` text NOT NULL,
	`contact_phone` text NOT NULL,
	`event_name` text NOT NULL,
	`activity_type` text NOT NULL,
	`attendees` integer NOT NULL,
	`equipment` text NOT NULL,
	`letter_no` text DEFAULT '' NOT NULL,
	`attachments` text NOT NULL,
	`fee` integer DEFAULT 0 NOT NULL,
	`fee_waived` integer DEFAULT false NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`start` text NOT NULL,
	`end` text NOT NULL,
	`buffer_before` integer DEFAULT 0 NOT NULL,
	`buffer_after` integer DEFAULT 0 NOT NULL,
	`occupied_from` text NOT NULL,
	`occupied_to` text NOT NULL,
	`status` text NOT NULL,
	`approved_level` integer DEFAULT 0 NOT NULL,
	`steps` text NOT NULL,
	`override_reason` text DEFAULT '' NOT NULL,
	`displaced` integer DEFAULT false NOT NULL,
	`displaced_by` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `booking_venue_occupied` ON `booking` (`venue_id`,`occupied_from`);--> statement-breakpoint
CREATE INDEX `booking_start` ON `booking` (`start`);--> statement-breakpoint
CREATE INDEX `booking_of_series` ON `booking` (`series_id`);--> statement-breakpoint
CREATE INDEX `booking_agency` ON `booking` (`applicant_agency_id`);--> statement-breakpoint
CREATE TABLE `booking_series` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`venue_id` text NOT NULL,
	`applicant_agency_id` text,
	`applicant_org` text DEFAULT '' NOT NULL,
	`contact_name` text NOT NULL,
	`contact_phone` text NOT NULL,
	`event_name` text NOT NULL,
	`activity_type` text NOT NULL,
	`attendees` integer NOT NULL,
	`equipment` text NOT NULL,
	`letter_no` text DEFAULT '' NOT NULL,
	`attachments` text NOT NULL,
	`fee` integer DEFAULT 0 NOT NULL,
	`fee_waived` integer DEFAULT false NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`rule` text NOT NULL,
	`start_date` text NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`until` text,
	`count` integer,
	`buffer_before` integer DEFAULT 0 NOT NULL,
	`buffer_after` integer DEFAULT 0 NOT NULL,
	`skipped_dates` text NOT NULL,
	`status` text NOT NULL,
	`steps` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `booking_series_venue` ON `booking_series` (`venue_id`);--> statement-breakpoint
CREATE TABLE `venue` (
	`id` text PRIMARY KEY NOT NULL,
	`space_id` text NOT NULL,
	`type` text NOT NULL,
	`capacity` integer NOT NULL,
	`equipment` text NOT NULL,
	`opens_at` text NOT NULL,
	`closes_at` text NOT NULL,
	`buffer_before` integer DEFAULT 0 NOT NULL,
	`buffer_after` integer DEFAULT 0 NOT NULL,
	`approval_levels` integer NOT NULL,
	`bookable_by` text NOT NULL,
	`fee` integer DEFAULT 0 NOT NULL,
	`deposit` integer DEFAULT 0 NOT NULL,
	`closures` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `venue_space` ON `venue` (`space_id`);