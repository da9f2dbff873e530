CREATE INDEX `ticket_asset_reported` ON `ticket` (`asset_id`,`reported_at`) WHERE "ticket"."asset_id" is not null;--> statement-breakpoint
CREATE INDEX `ticket_project_reported` ON `ticket` (`project_id`,`reported_at`) WHERE "ticket"."project_id" is not null;--> statement-breakpoint
CREATE INDEX `ticket_round_reported` ON `ticket` (`round_id`,`reported_at`) WHERE "ticket"."round_id" is not null;--> statement-breakpoint
-- The search index holds each ticket's place (site, building, floor and space names): a
-- rename or a move anywhere up the tree re-indexes the tickets below it. WHEN: sync writes
-- whole rows (every column SET), and an unchanged name must not re-index a site's tickets.
DROP TRIGGER `space_ticket_search_update`;
--> statement-breakpoint
CREATE TRIGGER `space_ticket_search_update` AFTER UPDATE OF name_zh, code, floor_id ON `space`
WHEN old.name_zh IS NOT new.name_zh OR old.code IS NOT new.code OR old.floor_id IS NOT new.floor_id BEGIN
  DELETE FROM ticket_fts_tri WHERE rowid IN (SELECT rowid FROM ticket WHERE space_id = new.id);
  DELETE FROM ticket_fts_gram WHERE rowid IN (SELECT rowid FROM ticket WHERE space_id = new.id);
  INSERT INTO ticket_fts_tri (rowid, doc) SELECT rowid, ga_norm(doc) FROM ticket_search_doc WHERE space_id = new.id;
  INSERT INTO ticket_fts_gram (rowid, doc) SELECT rowid, ga_grams(doc) FROM ticket_search_doc WHERE space_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `floor_ticket_search_update` AFTER UPDATE OF name, building_id ON `floor`
WHEN old.name IS NOT new.name OR old.building_id IS NOT new.building_id BEGIN
  DELETE FROM ticket_fts_tri WHERE rowid IN (SELECT rowid FROM ticket WHERE space_id IN (SELECT id FROM space WHERE floor_id = new.id));
  DELETE FROM ticket_fts_gram WHERE rowid IN (SELECT rowid FROM ticket WHERE space_id IN (SELECT id FROM space WHERE floor_id = new.id));
  INSERT INTO ticket_fts_tri (rowid, doc) SELECT rowid, ga_norm(doc) FROM ticket_search_doc WHERE space_id IN (SELECT id FROM space WHERE floor_id = new.id);
  INSERT INTO ticket_fts_gram (rowid, doc) SELECT rowid, ga_grams(doc) FROM ticket_search_doc WHERE space_id IN (SELECT id FROM space WHERE floor_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `building_ticket_search_update` AFTER UPDATE OF name_zh, site_id ON `building`
WHEN old.name_zh IS NOT new.name_zh OR old.site_id IS NOT new.site_id BEGIN
  DELETE FROM ticket_fts_tri WHERE rowid IN (SELECT rowid FROM ticket WHERE space_id IN (SELECT sp.id FROM space sp JOIN floor f ON f.id = sp.floor_id WHERE f.building_id = new.id));
  DELETE FROM ticket_fts_gram WHERE rowid IN (SELECT rowid FROM ticket WHERE space_id IN (SELECT sp.id FROM space sp JOIN floor f ON f.id = sp.floor_id WHERE f.building_id = new.id));
  INSERT INTO ticket_fts_tri (rowid, doc) SELECT rowid, ga_norm(doc) FROM ticket_search_doc WHERE space_id IN (SELECT sp.id FROM space sp JOIN floor f ON f.id = sp.floor_id WHERE f.building_id = new.id);
  INSERT INTO ticket_fts_gram (rowid, doc) SELECT rowid, ga_grams(doc) FROM ticket_search_doc WHERE space_id IN (SELECT sp.id FROM space sp JOIN floor f ON f.id = sp.floor_id WHERE f.building_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `site_ticket_search_update` AFTER UPDATE OF name_zh ON `site`
WHEN old.name_zh IS NOT new.name_zh BEGIN
  DELETE FROM ticket_fts_tri WHERE rowid IN (SELECT rowid FROM ticket WHERE space_id IN (SELECT sp.id FROM space sp JOIN floor f ON f.id = sp.floor_id JOIN building b ON b.id = f.building_id WHERE b.site_id = new.id));
  DELETE FROM ticket_fts_gram WHERE rowid IN (SELECT rowid FROM ticket WHERE space_id IN (SELECT sp.id FROM space sp JOIN floor f ON f.id = sp.floor_id JOIN building b ON b.id = f.building_id WHERE b.site_id = new.id));
  INSERT INTO ticket_fts_tri (rowid, doc) SELECT rowid, ga_norm(doc) FROM ticket_search_doc WHERE space_id IN (SELECT sp.id FROM space sp JOIN floor f ON f.id = sp.floor_id JOIN building b ON b.id = f.building_id WHERE b.site_id = new.id);
  INSERT INTO ticket_fts_gram (rowid, doc) SELECT rowid, ga_grams(doc) FROM ticket_search_doc WHERE space_id IN (SELECT sp.id FROM space sp JOIN floor f ON f.id = sp.floor_id JOIN building b ON b.id = f.building_id WHERE b.site_id = new.id);
END;
--> statement-breakpoint
-- Tickets at places renamed before these triggers were indexed under the old names:
-- index every ticket afresh, once (about a second per 10,000 tickets).
INSERT INTO ticket_fts_tri (ticket_fts_tri) VALUES ('delete-all');
--> statement-breakpoint
INSERT INTO ticket_fts_gram (ticket_fts_gram) VALUES ('delete-all');
--> statement-breakpoint
INSERT INTO ticket_fts_tri (rowid, doc) SELECT rowid, ga_norm(doc) FROM ticket_search_doc;
--> statement-breakpoint
INSERT INTO ticket_fts_gram (rowid, doc) SELECT rowid, ga_grams(doc) FROM ticket_search_doc;
