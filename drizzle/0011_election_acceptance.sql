-- election acceptance (chuẩn y): the higher level's approval of an election's results, which created the posts.
CREATE TABLE "election_acceptances" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "election_acceptances_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"election_id" integer NOT NULL,
	"unit_path" text COLLATE "C" NOT NULL,
	"decision_number" text NOT NULL,
	"decision_date" date NOT NULL,
	"approving_body" text DEFAULT '' NOT NULL,
	"appointments_created" integer NOT NULL,
	"appointments_closed" integer NOT NULL,
	"accepted_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "election_acceptances" ADD CONSTRAINT "election_acceptances_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "election_acceptances_election_key" ON "election_acceptances" USING btree ("election_id");--> statement-breakpoint
CREATE INDEX "election_acceptances_unit_path_idx" ON "election_acceptances" USING btree ("unit_path");
