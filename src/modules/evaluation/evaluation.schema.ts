// Tables of the evaluation module (Drizzle); the SQL lives in drizzle/00xx_evaluation.sql.
export {};
