DROP INDEX `ticket_status_change_ticket`;--> statement-breakpoint
DROP INDEX `ticket_status_change_to`;--> statement-breakpoint
CREATE INDEX `ticket_status_change_ticket` ON `ticket_status_change` (`ticket_id`,`to_status`,`at`);--> statement-breakpoint
CREATE INDEX `ticket_status_change_to` ON `ticket_status_change` (`to_status`,`at`,`ticket_id`);--> statement-breakpoint
DROP INDEX `booking_status_start`;--> statement-breakpoint
CREATE INDEX `booking_status_start` ON `booking` (`status`,`start`,`venue_id`,`activity_type`);--> statement-breakpoint
DROP INDEX `permit_type_year`;--> statement-breakpoint
DROP INDEX `permit_type_issued`;--> statement-breakpoint
CREATE INDEX `permit_type_year` ON `permit` (`type`,`year`,`status`,`site_id`,`issued_on`);--> statement-breakpoint
CREATE INDEX `permit_type_issued` ON `permit` (`type`,`issued_on`,`status`,`site_id`,`year`);