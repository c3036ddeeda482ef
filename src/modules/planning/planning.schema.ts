// Tables of the planning module (Drizzle); the SQL lives in drizzle/00xx_planning.sql.
export {};
