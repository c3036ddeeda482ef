// Tables of the tasks module (Drizzle); the SQL lives in drizzle/00xx_tasks.sql.
export {};
