CREATE TABLE `sla_rule` (
	`id` text PRIMARY KEY NOT NULL,
	`category` text NOT NULL,
	`priority` text NOT NULL,
	`hours` real NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `ticket` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`space_id` text NOT NULL,
	`site_id` text NOT NULL,
	`building_id` text NOT NULL,
	`category` text NOT NULL,
	`priority` text NOT NULL,
	`status` text NOT NULL,
	`subject` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`reporter_name` text DEFAULT '' NOT NULL,
	`reporter_agency_id` text,
	`reporter_phone_ext` text DEFAULT '' NOT NULL,
	`source` text NOT NULL,
	`reported_at` text NOT NULL,
	`due_at` text NOT NULL,
	`assignee_id` text,
	`completed_at` text,
	`closed_at` text,
	`related_ticket_id` text,
	`asset_id` text,
	`round_id` text,
	`project_id` text,
	`attachments` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ticket_number` ON `ticket` (`number`);--> statement-breakpoint
CREATE INDEX `ticket_reported` ON `ticket` (`reported_at`);--> statement-breakpoint
CREATE INDEX `ticket_status_due` ON `ticket` (`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `ticket_site_reported` ON `ticket` (`site_id`,`reported_at`);--> statement-breakpoint
CREATE INDEX `ticket_building_reported` ON `ticket` (`building_id`,`reported_at`);--> statement-breakpoint
CREATE INDEX `ticket_category_reported` ON `ticket` (`category`,`reported_at`);--> statement-breakpoint
CREATE INDEX `ticket_assignee_due` ON `ticket` (`assignee_id`,`due_at`);--> statement-breakpoint
CREATE INDEX `ticket_space_category` ON `ticket` (`space_id`,`category`);--> statement-breakpoint
CREATE INDEX `ticket_reporter_agency` ON `ticket` (`reporter_agency_id`);--> statement-breakpoint
CREATE TABLE `ticket_comment` (
	`id` text PRIMARY KEY NOT NULL,
	`ticket_id` text NOT NULL,
	`body` text NOT NULL,
	`user_id` text NOT NULL,
	`at` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `ticket_comment_ticket` ON `ticket_comment` (`ticket_id`,`at`);--> statement-breakpoint
CREATE TABLE `ticket_cost` (
	`id` text PRIMARY KEY NOT NULL,
	`ticket_id` text NOT NULL,
	`type` text NOT NULL,
	`description` text NOT NULL,
	`quantity` real NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`unit_price` real DEFAULT 0 NOT NULL,
	`person_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `ticket_cost_ticket` ON `ticket_cost` (`ticket_id`);--> statement-breakpoint
CREATE TABLE `ticket_status_change` (
	`id` text PRIMARY KEY NOT NULL,
	`ticket_id` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`at` text NOT NULL,
	`user_id` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `ticket_status_change_ticket` ON `ticket_status_change` (`ticket_id`,`at`);--> statement-breakpoint
CREATE INDEX `ticket_status_change_to` ON `ticket_status_change` (`to_status`,`at`);--> statement-breakpoint
-- Full-text search of tickets (see db/search.ts): a trigram table for 3+ characters and a
-- gram table (Han unigrams + bigrams, other words whole) for 1 and 2, both contentless,
-- kept by the triggers below in the same transaction as the ticket. Renaming a space
-- re-indexes its tickets; renaming a floor, building or site does not (rare; a rebuild
-- with INSERT INTO ... SELECT from ticket_search_doc catches up).
CREATE VIRTUAL TABLE `ticket_fts_tri` USING fts5(doc, tokenize = 'trigram', content = '', contentless_delete = 1);
--> statement-breakpoint
CREATE VIRTUAL TABLE `ticket_fts_gram` USING fts5(doc, tokenize = 'unicode61', content = '', contentless_delete = 1);
--> statement-breakpoint
CREATE VIEW `ticket_search_doc` AS
SELECT t.rowid AS rowid, t.id AS id, t.space_id AS space_id,
  t.number || ' ' || t.subject || ' ' || t.description || ' ' ||
  coalesce((SELECT si.name_zh || ' ' || b.name_zh || ' ' || f.name || ' ' || sp.name_zh || ' ' || sp.code
            FROM space sp JOIN floor f ON f.id = sp.floor_id JOIN building b ON b.id = f.building_id JOIN site si ON si.id = b.site_id
            WHERE sp.id = t.space_id), '') || ' ' ||
  coalesce((SELECT group_concat(c.body, ' ') FROM ticket_comment c WHERE c.ticket_id = t.id), '') AS doc
FROM ticket t;
--> statement-breakpoint
CREATE TRIGGER `ticket_search_insert` AFTER INSERT ON `ticket` BEGIN
  INSERT INTO ticket_fts_tri (rowid, doc) SELECT rowid, ga_norm(doc) FROM ticket_search_doc WHERE id = new.id;
  INSERT INTO ticket_fts_gram (rowid, doc) SELECT rowid, ga_grams(doc) FROM ticket_search_doc WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `ticket_search_update` AFTER UPDATE OF number, subject, description, space_id ON `ticket` BEGIN
  DELETE FROM ticket_fts_tri WHERE rowid = old.rowid;
  DELETE FROM ticket_fts_gram WHERE rowid = old.rowid;
  INSERT INTO ticket_fts_tri (rowid, doc) SELECT rowid, ga_norm(doc) FROM ticket_search_doc WHERE id = new.id;
  INSERT INTO ticket_fts_gram (rowid, doc) SELECT rowid, ga_grams(doc) FROM ticket_search_doc WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `ticket_search_delete` AFTER DELETE ON `ticket` BEGIN
  DELETE FROM ticket_fts_tri WHERE rowid = old.rowid;
  DELETE FROM ticket_fts_gram WHERE rowid = old.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `ticket_comment_search_insert` AFTER INSERT ON `ticket_comment` BEGIN
  DELETE FROM ticket_fts_tri WHERE rowid = (SELECT rowid FROM ticket WHERE id = new.ticket_id);
  DELETE FROM ticket_fts_gram WHERE rowid = (SELECT rowid FROM ticket WHERE id = new.ticket_id);
  INSERT INTO ticket_fts_tri (rowid, doc) SELECT rowid, ga_norm(doc) FROM ticket_search_doc WHERE id = new.ticket_id;
  INSERT INTO ticket_fts_gram (rowid, doc) SELECT rowid, ga_grams(doc) FROM ticket_search_doc WHERE id = new.ticket_id;
END;
--> statement-breakpoint
CREATE TRIGGER `ticket_comment_search_update` AFTER UPDATE OF body, ticket_id ON `ticket_comment` BEGIN
  DELETE FROM ticket_fts_tri WHERE rowid IN (SELECT rowid FROM ticket WHERE id IN (old.ticket_id, new.ticket_id));
  DELETE FROM ticket_fts_gram WHERE rowid IN (SELECT rowid FROM ticket WHERE id IN (old.ticket_id, new.ticket_id));
  INSERT INTO ticket_fts_tri (rowid, doc) SELECT rowid, ga_norm(doc) FROM ticket_search_doc WHERE id IN (old.ticket_id, new.ticket_id);
  INSERT INTO ticket_fts_gram (rowid, doc) SELECT rowid, ga_grams(doc) FROM ticket_search_doc WHERE id IN (old.ticket_id, new.ticket_id);
END;
--> statement-breakpoint
CREATE TRIGGER `ticket_comment_search_delete` AFTER DELETE ON `ticket_comment` BEGIN
  DELETE FROM ticket_fts_tri WHERE rowid = (SELECT rowid FROM ticket WHERE id = old.ticket_id);
  DELETE FROM ticket_fts_gram WHERE rowid = (SELECT rowid FROM ticket WHERE id = old.ticket_id);
  INSERT INTO ticket_fts_tri (rowid, doc) SELECT rowid, ga_norm(doc) FROM ticket_search_doc WHERE id = old.ticket_id;
  INSERT INTO ticket_fts_gram (rowid, doc) SELECT rowid, ga_grams(doc) FROM ticket_search_doc WHERE id = old.ticket_id;
END;
--> statement-breakpoint
CREATE TRIGGER `space_ticket_search_update` AFTER UPDATE OF name_zh, code ON `space` BEGIN
  DELETE FROM ticket_fts_tri WHERE rowid IN (SELECT rowid FROM ticket WHERE space_id = new.id);
  DELETE FROM ticket_fts_gram WHERE rowid IN (SELECT rowid FROM ticket WHERE space_id = new.id);
  INSERT INTO ticket_fts_tri (rowid, doc) SELECT rowid, ga_norm(doc) FROM ticket_search_doc WHERE space_id = new.id;
  INSERT INTO ticket_fts_gram (rowid, doc) SELECT rowid, ga_grams(doc) FROM ticket_search_doc WHERE space_id = new.id;
END;
