CREATE TABLE `driver_leave` (
	`id` text PRIMARY KEY NOT NULL,
	`driver_id` text NOT NULL,
	`from_at` text NOT NULL,
	`to_at` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`cancelled` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `driver_leave_driver` ON `driver_leave` (`driver_id`,`from_at`);--> statement-breakpoint
CREATE TABLE `driver_profile` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`licence_class` text NOT NULL,
	`licence_expiry` text,
	`phone` text DEFAULT '' NOT NULL,
	`allowed_types` text NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `driver_profile_person` ON `driver_profile` (`person_id`);--> statement-breakpoint
CREATE TABLE `trip` (
	`id` text PRIMARY KEY NOT NULL,
	`request_id` text NOT NULL,
	`vehicle_id` text NOT NULL,
	`driver_id` text,
	`agency_id` text NOT NULL,
	`is_loan` integer DEFAULT false NOT NULL,
	`depart_at` text NOT NULL,
	`return_at` text NOT NULL,
	`vehicle_key` text NOT NULL,
	`driver_key` text DEFAULT '' NOT NULL,
	`state` text NOT NULL,
	`actual_depart_at` text,
	`actual_return_at` text,
	`odometer_out` integer,
	`odometer_in` integer,
	`fuel_litres` real,
	`tolls` integer,
	`incidents` text DEFAULT '' NOT NULL,
	`handover` text DEFAULT '' NOT NULL,
	`condition_on_return` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `trip_depart` ON `trip` (`depart_at`);--> statement-breakpoint
CREATE INDEX `trip_vehicle` ON `trip` (`vehicle_key`,`depart_at`);--> statement-breakpoint
CREATE INDEX `trip_driver` ON `trip` (`driver_key`,`depart_at`);--> statement-breakpoint
CREATE INDEX `trip_by_request` ON `trip` (`request_id`);--> statement-breakpoint
CREATE TABLE `trip_request` (
	`id` text PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`paper_number` text DEFAULT '' NOT NULL,
	`agency_id` text NOT NULL,
	`person_id` text,
	`requester_name` text DEFAULT '' NOT NULL,
	`passengers` integer NOT NULL,
	`purpose` text DEFAULT '' NOT NULL,
	`stops` text NOT NULL,
	`depart_at` text NOT NULL,
	`return_at` text NOT NULL,
	`distance_km` real DEFAULT 0 NOT NULL,
	`is_loan` integer DEFAULT false NOT NULL,
	`with_driver` integer DEFAULT true NOT NULL,
	`state` text NOT NULL,
	`cancel_reason` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `trip_request_state` ON `trip_request` (`state`,`depart_at`);--> statement-breakpoint
CREATE TABLE `vehicle` (
	`id` text PRIMARY KEY NOT NULL,
	`plate` text NOT NULL,
	`make` text DEFAULT '' NOT NULL,
	`model` text DEFAULT '' NOT NULL,
	`type` text NOT NULL,
	`seats` integer NOT NULL,
	`garage_id` text,
	`status` text NOT NULL,
	`odometer` integer DEFAULT 0 NOT NULL,
	`insurance_due` text,
	`inspection_due` text,
	`licence_due` text,
	`fuel_card` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vehicle_plate` ON `vehicle` (`plate`);--> statement-breakpoint
CREATE TABLE `vehicle_unavailable` (
	`id` text PRIMARY KEY NOT NULL,
	`vehicle_id` text NOT NULL,
	`from_at` text NOT NULL,
	`to_at` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`cancelled` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `vehicle_unavailable_vehicle` ON `vehicle_unavailable` (`vehicle_id`,`from_at`);