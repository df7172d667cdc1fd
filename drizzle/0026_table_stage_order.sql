-- The table sorted by stage follows the stages' board order (stages.position), which no index of
-- applications holds: each page read and sorted every application (27-43 ms at 100,000). The table now
-- walks the stages in order and each one's applications by id (the rowid ends this index), stopping at
-- the page; see electron/domains/applications/stage-order.ts.
CREATE INDEX `applications_stage_id` ON `applications` (`archived_at`,`stage`);