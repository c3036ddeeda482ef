CREATE TABLE "planning_pools" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "planning_pools_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"post_title_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"term" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "planning_reviews" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "planning_reviews_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"term" text NOT NULL,
	"decision_number" text NOT NULL,
	"decision_date" date NOT NULL,
	"removed_count" integer DEFAULT 0 NOT NULL,
	"added_count" integer DEFAULT 0 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "planning_entries" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "planning_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"pool_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"source" text NOT NULL,
	"nomination_round" text DEFAULT '' NOT NULL,
	"votes_cast" integer,
	"votes_for" integer,
	"decision_number" text NOT NULL,
	"decision_date" date NOT NULL,
	"political_standard" text DEFAULT 'met' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"removed_date" date,
	"removal_decision_number" text DEFAULT '' NOT NULL,
	"removal_reason" text DEFAULT '' NOT NULL,
	"added_review_id" integer,
	"removed_review_id" integer,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "planning_pools" ADD CONSTRAINT "planning_pools_post_title_id_post_titles_id_fk" FOREIGN KEY ("post_title_id") REFERENCES "public"."post_titles"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "planning_pools" ADD CONSTRAINT "planning_pools_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "planning_reviews" ADD CONSTRAINT "planning_reviews_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "planning_entries" ADD CONSTRAINT "planning_entries_pool_id_planning_pools_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."planning_pools"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "planning_entries" ADD CONSTRAINT "planning_entries_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "planning_entries" ADD CONSTRAINT "planning_entries_added_review_id_planning_reviews_id_fk" FOREIGN KEY ("added_review_id") REFERENCES "public"."planning_reviews"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "planning_entries" ADD CONSTRAINT "planning_entries_removed_review_id_planning_reviews_id_fk" FOREIGN KEY ("removed_review_id") REFERENCES "public"."planning_reviews"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "planning_pools_post_key" ON "planning_pools" USING btree ("unit_id","post_title_id","term");
--> statement-breakpoint
CREATE INDEX "planning_pools_term_idx" ON "planning_pools" USING btree ("term","unit_id");
--> statement-breakpoint
CREATE INDEX "planning_reviews_unit_idx" ON "planning_reviews" USING btree ("unit_id","term","decision_date");
--> statement-breakpoint
CREATE INDEX "planning_entries_pool_idx" ON "planning_entries" USING btree ("pool_id","status");
--> statement-breakpoint
CREATE INDEX "planning_entries_member_idx" ON "planning_entries" USING btree ("member_id","status");
--> statement-breakpoint
CREATE UNIQUE INDEX "planning_entries_active_key" ON "planning_entries" USING btree ("pool_id","member_id") WHERE status = 'active';
