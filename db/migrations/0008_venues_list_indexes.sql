DROP INDEX `booking_start`;--> statement-breakpoint
CREATE INDEX `booking_start_end` ON `booking` (`start`,`end`);--> statement-breakpoint
CREATE INDEX `booking_status_start` ON `booking` (`status`,`start`);