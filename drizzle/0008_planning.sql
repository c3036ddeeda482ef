-- planning: tables are written here by hand until the snapshot is regenerated.
SELECT 1;
