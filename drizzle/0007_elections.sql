-- elections: election lists, rounds, ballot entry (append-only log), resolutions, decisions, annulments.
CREATE TABLE "elections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "elections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"congress_id" integer NOT NULL,
	"body_id" integer NOT NULL,
	"unit_path" text COLLATE "C" NOT NULL,
	"congress_name" text NOT NULL,
	"body_name" text NOT NULL,
	"list_status" text DEFAULT 'draft' NOT NULL,
	"approve_agree" integer,
	"approve_present" integer,
	"approved_at" timestamp with time zone,
	"approved_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "election_candidates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "election_candidates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"election_id" integer NOT NULL,
	"member_id" integer,
	"full_name" text NOT NULL,
	"name_key" text COLLATE "C" NOT NULL,
	"source" text NOT NULL,
	"nomination_agree" integer,
	"nomination_present" integer,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "counting_committee_members" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "counting_committee_members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"congress_id" integer NOT NULL,
	"member_id" integer,
	"full_name" text NOT NULL,
	"role" text DEFAULT 'Ủy viên' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "congress_counters" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "congress_counters_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"congress_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "election_rounds" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "election_rounds_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"election_id" integer NOT NULL,
	"unit_path" text COLLATE "C" NOT NULL,
	"number" integer NOT NULL,
	"seats" integer NOT NULL,
	"form" text NOT NULL,
	"entry_copies" integer DEFAULT 1 NOT NULL,
	"ballots_issued" integer,
	"ballots_returned" integer,
	"base_snapshot" jsonb,
	"result_snapshot" jsonb,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_candidates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "round_candidates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"round_id" integer NOT NULL,
	"candidate_id" integer NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ballot_batches" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ballot_batches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"round_id" integer NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "batch_operators" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "batch_operators_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"round_id" integer NOT NULL,
	"batch_id" integer NOT NULL,
	"copy" integer NOT NULL,
	"user_id" integer NOT NULL,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ballot_entries" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ballot_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"round_id" integer NOT NULL,
	"batch_id" integer NOT NULL,
	"copy" integer NOT NULL,
	"serial" text NOT NULL,
	"issued" boolean DEFAULT true NOT NULL,
	"struck" integer[] NOT NULL,
	"agree" integer[] NOT NULL,
	"disagree" integer[] NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"user_id" integer NOT NULL,
	"user_name" text NOT NULL,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ballot_resolutions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ballot_resolutions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"round_id" integer NOT NULL,
	"batch_id" integer NOT NULL,
	"serial" text NOT NULL,
	"source" text NOT NULL,
	"issued" boolean DEFAULT true NOT NULL,
	"struck" integer[] NOT NULL,
	"agree" integer[] NOT NULL,
	"disagree" integer[] NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"user_id" integer NOT NULL,
	"user_name" text NOT NULL,
	"resolved_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_decisions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "round_decisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"round_id" integer NOT NULL,
	"kind" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"decided_by" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_annulments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "round_annulments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"round_id" integer NOT NULL,
	"decision" text NOT NULL,
	"reason" text NOT NULL,
	"annulled_by" text NOT NULL,
	"annulled_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "elections" ADD CONSTRAINT "elections_congress_id_congresses_id_fk" FOREIGN KEY ("congress_id") REFERENCES "public"."congresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elections" ADD CONSTRAINT "elections_body_id_congress_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."congress_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_candidates" ADD CONSTRAINT "election_candidates_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_candidates" ADD CONSTRAINT "election_candidates_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counting_committee_members" ADD CONSTRAINT "counting_committee_members_congress_id_congresses_id_fk" FOREIGN KEY ("congress_id") REFERENCES "public"."congresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counting_committee_members" ADD CONSTRAINT "counting_committee_members_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_counters" ADD CONSTRAINT "congress_counters_congress_id_congresses_id_fk" FOREIGN KEY ("congress_id") REFERENCES "public"."congresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_counters" ADD CONSTRAINT "congress_counters_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_rounds" ADD CONSTRAINT "election_rounds_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_candidates" ADD CONSTRAINT "round_candidates_round_id_election_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."election_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_candidates" ADD CONSTRAINT "round_candidates_candidate_id_election_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."election_candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_batches" ADD CONSTRAINT "ballot_batches_round_id_election_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."election_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_operators" ADD CONSTRAINT "batch_operators_round_id_election_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."election_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_operators" ADD CONSTRAINT "batch_operators_batch_id_ballot_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."ballot_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_operators" ADD CONSTRAINT "batch_operators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_entries" ADD CONSTRAINT "ballot_entries_round_id_election_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."election_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_entries" ADD CONSTRAINT "ballot_entries_batch_id_ballot_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."ballot_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_entries" ADD CONSTRAINT "ballot_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_resolutions" ADD CONSTRAINT "ballot_resolutions_round_id_election_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."election_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_resolutions" ADD CONSTRAINT "ballot_resolutions_batch_id_ballot_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."ballot_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_resolutions" ADD CONSTRAINT "ballot_resolutions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_decisions" ADD CONSTRAINT "round_decisions_round_id_election_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."election_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_annulments" ADD CONSTRAINT "round_annulments_round_id_election_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."election_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "elections_body_key" ON "elections" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "elections_congress_idx" ON "elections" USING btree ("congress_id");--> statement-breakpoint
CREATE INDEX "elections_unit_path_idx" ON "elections" USING btree ("unit_path");--> statement-breakpoint
CREATE INDEX "election_candidates_election_idx" ON "election_candidates" USING btree ("election_id","name_key");--> statement-breakpoint
CREATE INDEX "election_candidates_member_idx" ON "election_candidates" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "counting_committee_members_congress_idx" ON "counting_committee_members" USING btree ("congress_id","sort_order");--> statement-breakpoint
CREATE UNIQUE INDEX "congress_counters_key" ON "congress_counters" USING btree ("congress_id","user_id");--> statement-breakpoint
CREATE INDEX "congress_counters_user_idx" ON "congress_counters" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "election_rounds_number_key" ON "election_rounds" USING btree ("election_id","number");--> statement-breakpoint
CREATE INDEX "election_rounds_unit_path_idx" ON "election_rounds" USING btree ("unit_path");--> statement-breakpoint
CREATE UNIQUE INDEX "round_candidates_key" ON "round_candidates" USING btree ("round_id","candidate_id");--> statement-breakpoint
CREATE INDEX "round_candidates_candidate_idx" ON "round_candidates" USING btree ("candidate_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ballot_batches_name_key" ON "ballot_batches" USING btree ("round_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "batch_operators_copy_key" ON "batch_operators" USING btree ("batch_id","copy");--> statement-breakpoint
CREATE UNIQUE INDEX "batch_operators_user_key" ON "batch_operators" USING btree ("batch_id","user_id");--> statement-breakpoint
CREATE INDEX "batch_operators_round_idx" ON "batch_operators" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "ballot_entries_current_idx" ON "ballot_entries" USING btree ("round_id","batch_id","copy","serial","id");--> statement-breakpoint
CREATE INDEX "ballot_entries_serial_idx" ON "ballot_entries" USING btree ("round_id","serial");--> statement-breakpoint
CREATE INDEX "ballot_resolutions_current_idx" ON "ballot_resolutions" USING btree ("round_id","batch_id","serial","id");--> statement-breakpoint
CREATE UNIQUE INDEX "round_decisions_round_key" ON "round_decisions" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "round_annulments_round_key" ON "round_annulments" USING btree ("round_id");--> statement-breakpoint
-- A closed round is frozen: nobody (the application, an administrator with SQL) may change it.
CREATE FUNCTION election_round_frozen_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.closed_at IS NOT NULL THEN
    RAISE EXCEPTION 'election round % is closed and frozen', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER election_rounds_frozen BEFORE UPDATE OR DELETE ON election_rounds
  FOR EACH ROW EXECUTE FUNCTION election_round_frozen_guard();
--> statement-breakpoint
-- The ballots, batches, operators, names and resolutions of a closed round: no insert, update or delete.
CREATE FUNCTION election_round_child_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rid integer;
BEGIN
  IF TG_OP = 'DELETE' THEN
    rid := OLD.round_id;
  ELSE
    rid := NEW.round_id;
  END IF;
  IF EXISTS (SELECT 1 FROM election_rounds WHERE id = rid AND closed_at IS NOT NULL)
     OR (TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM election_rounds WHERE id = OLD.round_id AND closed_at IS NOT NULL)) THEN
    RAISE EXCEPTION 'election round % is closed and frozen', rid USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER round_candidates_frozen BEFORE INSERT OR UPDATE OR DELETE ON round_candidates
  FOR EACH ROW EXECUTE FUNCTION election_round_child_guard();
--> statement-breakpoint
CREATE TRIGGER ballot_batches_frozen BEFORE INSERT OR UPDATE OR DELETE ON ballot_batches
  FOR EACH ROW EXECUTE FUNCTION election_round_child_guard();
--> statement-breakpoint
CREATE TRIGGER batch_operators_frozen BEFORE INSERT OR UPDATE OR DELETE ON batch_operators
  FOR EACH ROW EXECUTE FUNCTION election_round_child_guard();
--> statement-breakpoint
CREATE TRIGGER ballot_entries_frozen BEFORE INSERT OR UPDATE OR DELETE ON ballot_entries
  FOR EACH ROW EXECUTE FUNCTION election_round_child_guard();
--> statement-breakpoint
CREATE TRIGGER ballot_resolutions_frozen BEFORE INSERT OR UPDATE OR DELETE ON ballot_resolutions
  FOR EACH ROW EXECUTE FUNCTION election_round_child_guard();
--> statement-breakpoint
-- The entry log, resolutions, decisions and annulments are append-only, open round or not.
CREATE FUNCTION election_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'check_violation';
END $$;
--> statement-breakpoint
CREATE TRIGGER ballot_entries_append_only BEFORE UPDATE OR DELETE ON ballot_entries
  FOR EACH ROW EXECUTE FUNCTION election_append_only();
--> statement-breakpoint
CREATE TRIGGER ballot_resolutions_append_only BEFORE UPDATE OR DELETE ON ballot_resolutions
  FOR EACH ROW EXECUTE FUNCTION election_append_only();
--> statement-breakpoint
CREATE TRIGGER round_decisions_append_only BEFORE UPDATE OR DELETE ON round_decisions
  FOR EACH ROW EXECUTE FUNCTION election_append_only();
--> statement-breakpoint
CREATE TRIGGER round_annulments_append_only BEFORE UPDATE OR DELETE ON round_annulments
  FOR EACH ROW EXECUTE FUNCTION election_append_only();
