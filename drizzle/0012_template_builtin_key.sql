ALTER TABLE `templates` ADD `builtin_key` text;--> statement-breakpoint
-- The built-ins were known by their name: give each its stable key, by name first, then (for a built-in
-- whose name an older version wrote differently) the oldest unkeyed built-in of the same kind and delivery.
UPDATE `templates` SET `builtin_key` = CASE `name`
    WHEN 'Thank-you email after an interview' THEN 'thank_you.email'
    WHEN 'Short handwritten card' THEN 'thank_you.handwritten'
    WHEN 'Gracious note after a rejection' THEN 'after_rejection.email'
    WHEN 'Follow-up: may I call with a question?' THEN 'follow_up.email'
  END
  WHERE `built_in` = 1 AND `id` IN (SELECT MIN(`id`) FROM `templates` WHERE `built_in` = 1 GROUP BY `name`);--> statement-breakpoint
UPDATE `templates` SET `builtin_key` = `kind` || '.' || `delivery`
  WHERE `built_in` = 1 AND `builtin_key` IS NULL
    AND `kind` || '.' || `delivery` IN ('thank_you.email', 'thank_you.handwritten', 'after_rejection.email', 'follow_up.email')
    AND NOT EXISTS (SELECT 1 FROM `templates` t2 WHERE t2.`builtin_key` = `templates`.`kind` || '.' || `templates`.`delivery`)
    AND `id` = (SELECT MIN(t3.`id`) FROM `templates` t3 WHERE t3.`built_in` = 1 AND t3.`builtin_key` IS NULL
                AND t3.`kind` = `templates`.`kind` AND t3.`delivery` = `templates`.`delivery`);--> statement-breakpoint
CREATE UNIQUE INDEX `templates_builtin_key` ON `templates` (`builtin_key`);
