DROP INDEX `booking_venue_occupied`;--> statement-breakpoint
CREATE INDEX `booking_venue_span` ON `booking` (`venue_id`,`occupied_from`,`occupied_to`,`status`,`id`);