-- Trigram search on unaccented names (members.search_text). Loaded explicitly in PGlite.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
