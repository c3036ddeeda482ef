CREATE TABLE "congresses" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "congresses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"unit_path" text COLLATE "C" NOT NULL,
	"name" text NOT NULL,
	"term" text NOT NULL,
	"kind" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"age_reference_month" text NOT NULL,
	"status" text DEFAULT 'preparing' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "congress_bodies" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "congress_bodies_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"congress_id" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"seats" integer NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "congress_attendees" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "congress_attendees_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"congress_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"role" text NOT NULL,
	"status" text DEFAULT 'expected' NOT NULL,
	"convening_committee" boolean DEFAULT false NOT NULL,
	"replaced_by_attendee_id" integer,
	"card_code" text NOT NULL,
	"checked_in_at" timestamp with time zone,
	"status_note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "congress_candidates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "congress_candidates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"congress_id" integer NOT NULL,
	"body_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"reelected_override" boolean,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nomination_steps" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "nomination_steps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"congress_id" integer NOT NULL,
	"body_id" integer NOT NULL,
	"step_no" integer NOT NULL,
	"name" text NOT NULL,
	"meeting_date" date,
	"summoned" integer DEFAULT 0 NOT NULL,
	"present" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nomination_tallies" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "nomination_tallies_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"step_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"votes" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "congresses" ADD CONSTRAINT "congresses_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_bodies" ADD CONSTRAINT "congress_bodies_congress_id_congresses_id_fk" FOREIGN KEY ("congress_id") REFERENCES "public"."congresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_attendees" ADD CONSTRAINT "congress_attendees_congress_id_congresses_id_fk" FOREIGN KEY ("congress_id") REFERENCES "public"."congresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_attendees" ADD CONSTRAINT "congress_attendees_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_candidates" ADD CONSTRAINT "congress_candidates_congress_id_congresses_id_fk" FOREIGN KEY ("congress_id") REFERENCES "public"."congresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_candidates" ADD CONSTRAINT "congress_candidates_body_id_congress_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."congress_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_candidates" ADD CONSTRAINT "congress_candidates_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_steps" ADD CONSTRAINT "nomination_steps_congress_id_congresses_id_fk" FOREIGN KEY ("congress_id") REFERENCES "public"."congresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_steps" ADD CONSTRAINT "nomination_steps_body_id_congress_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."congress_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_tallies" ADD CONSTRAINT "nomination_tallies_step_id_nomination_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."nomination_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_tallies" ADD CONSTRAINT "nomination_tallies_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "congresses_unit_path_idx" ON "congresses" USING btree ("unit_path","starts_on");--> statement-breakpoint
CREATE INDEX "congresses_unit_idx" ON "congresses" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "congress_bodies_congress_idx" ON "congress_bodies" USING btree ("congress_id","sort_order");--> statement-breakpoint
CREATE UNIQUE INDEX "congress_attendees_card_key" ON "congress_attendees" USING btree ("congress_id","card_code");--> statement-breakpoint
CREATE UNIQUE INDEX "congress_attendees_member_key" ON "congress_attendees" USING btree ("congress_id","member_id");--> statement-breakpoint
CREATE INDEX "congress_attendees_status_idx" ON "congress_attendees" USING btree ("congress_id","status");--> statement-breakpoint
CREATE INDEX "congress_attendees_member_idx" ON "congress_attendees" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "congress_candidates_body_member_key" ON "congress_candidates" USING btree ("body_id","member_id");--> statement-breakpoint
CREATE INDEX "congress_candidates_congress_idx" ON "congress_candidates" USING btree ("congress_id","body_id");--> statement-breakpoint
CREATE INDEX "congress_candidates_member_idx" ON "congress_candidates" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "nomination_steps_body_step_key" ON "nomination_steps" USING btree ("body_id","step_no");--> statement-breakpoint
CREATE INDEX "nomination_steps_congress_idx" ON "nomination_steps" USING btree ("congress_id");--> statement-breakpoint
CREATE UNIQUE INDEX "nomination_tallies_step_member_key" ON "nomination_tallies" USING btree ("step_id","member_id");--> statement-breakpoint
CREATE INDEX "nomination_tallies_member_idx" ON "nomination_tallies" USING btree ("member_id");
