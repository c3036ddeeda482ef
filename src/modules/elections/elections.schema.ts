// Tables of the elections module (Drizzle); the SQL lives in drizzle/00xx_elections.sql.
export {};
