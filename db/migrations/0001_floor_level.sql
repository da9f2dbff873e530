ALTER TABLE `floor` ADD `level` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Existing floors get their order from the name on their sign (the rule of domain/places.ts).
UPDATE `floor` SET `level` = CASE
  WHEN upper(`name`) GLOB 'B[0-9]*' THEN -CAST(substr(`name`, 2) AS INTEGER)
  WHEN `name` GLOB '地下[0-9]*' THEN -CAST(substr(`name`, 3) AS INTEGER)
  WHEN upper(`name`) GLOB 'L[0-9]*' THEN CAST(substr(`name`, 2) AS INTEGER)
  WHEN `name` GLOB '[0-9]*' THEN CAST(`name` AS INTEGER)
  WHEN upper(`name`) IN ('RF', 'R', '屋頂', '頂樓') THEN 100
  ELSE 50
END;
