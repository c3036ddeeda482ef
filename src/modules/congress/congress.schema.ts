// Tables of the congress module (Drizzle); the SQL lives in drizzle/00xx_congress.sql.
export {};
