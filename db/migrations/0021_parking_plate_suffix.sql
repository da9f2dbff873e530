-- The gate lookup finds a plate from any part of it (the digits, three letters) without
-- reading every plate: each stored plate's suffixes (ABC1234, BC1234, C1234, 1234, …) are kept
-- here, so "a plate containing q" is "a suffix starting with q", a range of this index; each
-- row carries its permit and plate, so the lookup reads no permit_plate row.
-- Filled by triggers on permit_plate, so it changes in the same transaction as the write,
-- also when sync writes rows. Plates are 4 to 8 characters; the digits 1..8 below are the
-- suffixes' starting positions (a trigger body may not hold a WITH).
CREATE TABLE `permit_plate_suffix` (
  `suffix` text NOT NULL,
  `plate_id` text NOT NULL,
  `permit_id` text NOT NULL,
  `plate` text NOT NULL,
  PRIMARY KEY (`suffix`, `plate_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `permit_plate_suffix_of` ON `permit_plate_suffix` (`plate_id`);
--> statement-breakpoint
CREATE TRIGGER `permit_plate_suffix_insert` AFTER INSERT ON `permit_plate` BEGIN
  INSERT OR IGNORE INTO permit_plate_suffix (suffix, plate_id, permit_id, plate)
    SELECT substr(new.plate, k), new.id, new.permit_id, new.plate FROM (SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8) WHERE k <= length(new.plate);
END;
--> statement-breakpoint
CREATE TRIGGER `permit_plate_suffix_update` AFTER UPDATE OF plate, id, permit_id ON `permit_plate` BEGIN
  DELETE FROM permit_plate_suffix WHERE plate_id = old.id;
  INSERT OR IGNORE INTO permit_plate_suffix (suffix, plate_id, permit_id, plate)
    SELECT substr(new.plate, k), new.id, new.permit_id, new.plate FROM (SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8) WHERE k <= length(new.plate);
END;
--> statement-breakpoint
CREATE TRIGGER `permit_plate_suffix_delete` AFTER DELETE ON `permit_plate` BEGIN
  DELETE FROM permit_plate_suffix WHERE plate_id = old.id;
END;
--> statement-breakpoint
INSERT OR IGNORE INTO permit_plate_suffix (suffix, plate_id, permit_id, plate)
  SELECT substr(pp.plate, k.k), pp.id, pp.permit_id, pp.plate FROM permit_plate pp
    JOIN (SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8) k ON k.k <= length(pp.plate);
