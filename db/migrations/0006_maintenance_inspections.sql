CREATE TABLE `asset` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text DEFAULT '' NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`space_id` text NOT NULL,
	`make` text DEFAULT '' NOT NULL,
	`model` text DEFAULT '' NOT NULL,
	`serial_no` text DEFAULT '' NOT NULL,
	`installed_on` text,
	`maintainer_id` text,
	`note` text DEFAULT '' NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `asset_space` ON `asset` (`space_id`);--> statement-breakpoint
CREATE TABLE `inspection_plan` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`category` text NOT NULL,
	`recurrence` text NOT NULL,
	`start_on` text NOT NULL,
	`end_on` text,
	`end_after` integer,
	`on_holiday` text NOT NULL,
	`grace_days` integer DEFAULT 0 NOT NULL,
	`space_ids` text NOT NULL,
	`asset_ids` text NOT NULL,
	`checklist` text NOT NULL,
	`assignee_id` text,
	`note` text DEFAULT '' NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `inspection_result` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`space_id` text NOT NULL,
	`item_id` text NOT NULL,
	`outcome` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`photos` text NOT NULL,
	`ticket_id` text,
	`recorded_at` text NOT NULL,
	`recorded_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `inspection_result_round` ON `inspection_result` (`round_id`);--> statement-breakpoint
CREATE INDEX `inspection_result_space` ON `inspection_result` (`space_id`);--> statement-breakpoint
CREATE TABLE `inspection_round` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`scheduled_on` text NOT NULL,
	`due_on` text NOT NULL,
	`status` text NOT NULL,
	`assignee_id` text,
	`space_ids` text NOT NULL,
	`checklist` text NOT NULL,
	`completed_at` text,
	`completed_by` text,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `inspection_round_plan` ON `inspection_round` (`plan_id`,`due_on`);--> statement-breakpoint
CREATE INDEX `inspection_round_due` ON `inspection_round` (`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `inspection_round_completed` ON `inspection_round` (`completed_at`);--> statement-breakpoint
CREATE TABLE `project` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`scope` text DEFAULT '' NOT NULL,
	`contractor_id` text,
	`budget` integer,
	`status` text NOT NULL,
	`planned_start` text,
	`planned_end` text,
	`actual_start` text,
	`actual_end` text,
	`note` text DEFAULT '' NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `project_phase` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`seq` integer NOT NULL,
	`name` text NOT NULL,
	`scope` text DEFAULT '' NOT NULL,
	`planned_start` text,
	`planned_end` text,
	`actual_start` text,
	`actual_end` text,
	`archived` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `project_phase_project` ON `project_phase` (`project_id`,`seq`);