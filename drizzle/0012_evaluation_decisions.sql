CREATE TABLE "evaluation_decisions" (
	"evaluation_id" integer PRIMARY KEY NOT NULL,
	"final_score" numeric(5, 2) NOT NULL,
	"rating" text NOT NULL,
	"rating_rule" text NOT NULL,
	"rating_citations" jsonb NOT NULL,
	"task_counts" jsonb NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" text NOT NULL
);
--> statement-breakpoint
DROP INDEX "evaluations_unit_idx";--> statement-breakpoint
CREATE INDEX "evaluations_unit_idx" ON "evaluations" USING btree ("period_id","unit_id");--> statement-breakpoint
-- Decisions already taken move to their own table; "decided" stops being a stored stage.
INSERT INTO "evaluation_decisions" ("evaluation_id", "final_score", "rating", "rating_rule", "rating_citations", "task_counts", "decided_at", "decided_by")
SELECT "id", "final_score", "rating", "rating_rule", "rating_citations", coalesce("task_counts", '{}'::jsonb), coalesce("decided_at", "updated_at"), coalesce("decided_by", '')
FROM "evaluations" WHERE "stage" = 'decided' AND "rating" IS NOT NULL AND "final_score" IS NOT NULL;--> statement-breakpoint
UPDATE "evaluations" SET "stage" = 'advisory' WHERE "stage" = 'decided';--> statement-breakpoint
-- In place of a foreign key (see the schema): an evaluation takes its decision with it.
CREATE FUNCTION evaluation_decision_cleanup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM evaluation_decisions WHERE evaluation_id = OLD.id;
  RETURN OLD;
END;
$$;--> statement-breakpoint
CREATE TRIGGER evaluations_decision_cleanup BEFORE DELETE ON evaluations
  FOR EACH ROW EXECUTE FUNCTION evaluation_decision_cleanup();--> statement-breakpoint
ALTER TABLE "evaluations" DROP COLUMN "final_score";--> statement-breakpoint
ALTER TABLE "evaluations" DROP COLUMN "rating";--> statement-breakpoint
ALTER TABLE "evaluations" DROP COLUMN "rating_rule";--> statement-breakpoint
ALTER TABLE "evaluations" DROP COLUMN "rating_citations";--> statement-breakpoint
ALTER TABLE "evaluations" DROP COLUMN "task_counts";--> statement-breakpoint
ALTER TABLE "evaluations" DROP COLUMN "decided_at";--> statement-breakpoint
ALTER TABLE "evaluations" DROP COLUMN "decided_by";