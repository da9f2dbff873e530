ALTER TABLE `vehicle` ADD `service_interval_months` integer;--> statement-breakpoint
ALTER TABLE `vehicle` ADD `service_interval_km` integer;--> statement-breakpoint
ALTER TABLE `vehicle` ADD `next_service_date` text;--> statement-breakpoint
ALTER TABLE `vehicle` ADD `next_service_km` integer;--> statement-breakpoint
ALTER TABLE `vehicle` ADD `service_ticket_id` text;--> statement-breakpoint
ALTER TABLE `vehicle` ADD `service_count` integer DEFAULT 0 NOT NULL;