-- Moves made before a move carried the place along left tickets with the site and building
-- their space used to hang under (the list filters and the report count by them). Repair
-- those copies once from the tree as it is now. Not a change anyone made: updated_at stays,
-- so the copy repaired here and the one the sync server repairs in its own store are the same.
UPDATE `ticket` SET `site_id` = `place`.`site_id`, `building_id` = `place`.`building_id`
FROM (
  SELECT `space`.`id` AS `space_id`, `building`.`site_id` AS `site_id`, `building`.`id` AS `building_id`
  FROM `space` JOIN `floor` ON `floor`.`id` = `space`.`floor_id` JOIN `building` ON `building`.`id` = `floor`.`building_id`
) AS `place`
WHERE `place`.`space_id` = `ticket`.`space_id`
  AND (`ticket`.`site_id` IS NOT `place`.`site_id` OR `ticket`.`building_id` IS NOT `place`.`building_id`);
