DROP INDEX `ticket_reported`;--> statement-breakpoint
DROP INDEX `ticket_status_due`;--> statement-breakpoint
DROP INDEX `ticket_site_reported`;--> statement-breakpoint
DROP INDEX `ticket_building_reported`;--> statement-breakpoint
DROP INDEX `ticket_category_reported`;--> statement-breakpoint
CREATE INDEX `ticket_by_reported` ON `ticket` (`reported_at`,`status`,`site_id`,`building_id`,`category`,`priority`,`assignee_id`);--> statement-breakpoint
CREATE INDEX `ticket_by_due` ON `ticket` (`due_at`,`status`,`site_id`,`building_id`,`category`,`priority`,`assignee_id`,`reported_at`);--> statement-breakpoint
CREATE INDEX `ticket_by_number` ON `ticket` (`number`,`status`,`site_id`,`building_id`,`category`,`priority`,`assignee_id`,`reported_at`,`due_at`);--> statement-breakpoint
CREATE INDEX `ticket_by_status` ON `ticket` (`status`,`site_id`,`building_id`,`category`,`priority`,`assignee_id`,`due_at`,`reported_at`);--> statement-breakpoint
CREATE INDEX `ticket_by_site` ON `ticket` (`site_id`,`building_id`,`category`,`priority`,`status`,`assignee_id`,`reported_at`,`due_at`);--> statement-breakpoint
CREATE INDEX `ticket_by_category` ON `ticket` (`category`,`priority`,`status`,`site_id`,`building_id`,`assignee_id`,`reported_at`,`due_at`);