CREATE TABLE "evaluation_decisions" (
	"evaluation_id" integer PRIMARY KEY NOT NULL,
	"final_score" numeric(5, 2) NOT NULL,
	"rating" text NOT NULL,
	"rule_head" text NOT NULL,
	"basis_id" integer NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_rating_bases" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "evaluation_rating_bases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"digest" text NOT NULL,
	"tail" text NOT NULL,
	"citations" jsonb NOT NULL,
	"task_counts" jsonb NOT NULL
);
--> statement-breakpoint
DROP INDEX "evaluations_unit_idx";--> statement-breakpoint
ALTER TABLE "evaluations" ADD COLUMN "advisory_score" numeric(5, 2);--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_rating_bases_digest_key" ON "evaluation_rating_bases" USING btree ("digest");--> statement-breakpoint
CREATE INDEX "evaluations_unit_idx" ON "evaluations" USING btree ("period_id","unit_id");--> statement-breakpoint
-- Decisions already taken move to their own table (their whole rule text becomes a basis's
-- tail, with an empty head); "decided" stops being a stored stage.
INSERT INTO "evaluation_rating_bases" ("digest", "tail", "citations", "task_counts")
SELECT DISTINCT md5("rating_rule" || '|' || "rating_citations"::text || '|' || coalesce("task_counts", '{}'::jsonb)::text), "rating_rule", "rating_citations", coalesce("task_counts", '{}'::jsonb)
FROM "evaluations" WHERE "stage" = 'decided' AND "rating" IS NOT NULL AND "final_score" IS NOT NULL;--> statement-breakpoint
INSERT INTO "evaluation_decisions" ("evaluation_id", "final_score", "rating", "rule_head", "basis_id", "decided_at", "decided_by")
SELECT e."id", e."final_score", e."rating", '', b."id", coalesce(e."decided_at", e."updated_at"), coalesce(e."decided_by", '')
FROM "evaluations" e JOIN "evaluation_rating_bases" b ON b."digest" = md5(e."rating_rule" || '|' || e."rating_citations"::text || '|' || coalesce(e."task_counts", '{}'::jsonb)::text)
WHERE e."stage" = 'decided' AND e."rating" IS NOT NULL AND e."final_score" IS NOT NULL;--> statement-breakpoint
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
-- The advisory total on the evaluation (see the schema), kept by set-based statement triggers
-- so that bulk writes of steps cost one UPDATE, not one per row.
UPDATE "evaluations" e SET "advisory_score" = s."total" FROM "evaluation_steps" s
WHERE s."evaluation_id" = e."id" AND s."step" = 'advisory';--> statement-breakpoint
CREATE FUNCTION evaluation_advisory_score() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE evaluations e SET advisory_score = n.total FROM new_steps n
  WHERE n.step = 'advisory' AND e.id = n.evaluation_id
    AND e.advisory_score IS DISTINCT FROM n.total;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER evaluation_steps_advisory_insert AFTER INSERT ON evaluation_steps
  REFERENCING NEW TABLE AS new_steps FOR EACH STATEMENT EXECUTE FUNCTION evaluation_advisory_score();--> statement-breakpoint
CREATE TRIGGER evaluation_steps_advisory_update AFTER UPDATE ON evaluation_steps
  REFERENCING NEW TABLE AS new_steps FOR EACH STATEMENT EXECUTE FUNCTION evaluation_advisory_score();--> statement-breakpoint
ALTER TABLE "evaluations" DROP COLUMN "final_score";--> statement-breakpoint
ALTER TABLE "evaluations" DROP COLUMN "rating";--> statement-breakpoint
ALTER TABLE "evaluations" DROP COLUMN "rating_rule";--> statement-breakpoint
ALTER TABLE "evaluations" DROP COLUMN "rating_citations";--> statement-breakpoint
ALTER TABLE "evaluations" DROP COLUMN "task_counts";--> statement-breakpoint
ALTER TABLE "evaluations" DROP COLUMN "decided_at";--> statement-breakpoint
ALTER TABLE "evaluations" DROP COLUMN "decided_by";