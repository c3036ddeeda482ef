-- The name-order index also carries the columns a name search and a scope filter read, so a
-- walk in Vietnamese order filters inside the index (index-only) instead of fetching each row.
DROP INDEX IF EXISTS members_sort_idx;
--> statement-breakpoint
CREATE INDEX members_sort_idx ON members (sort_key, id) INCLUDE (search_text, unit_path, archived_at);
