CREATE TABLE "tasks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tasks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"member_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"unit_path" text COLLATE "C" NOT NULL,
	"period_kind" text NOT NULL,
	"start_year" smallint NOT NULL,
	"end_year" smallint NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"targets" jsonb NOT NULL,
	"milestones" jsonb NOT NULL,
	"deadline" date NOT NULL,
	"status" text NOT NULL,
	"decision_reason" text DEFAULT '' NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"outcome" text,
	"completed_date" date,
	"outcome_comment" text DEFAULT '' NOT NULL,
	"assessed_by" integer,
	"assessed_at" timestamp with time zone,
	"is_model" boolean DEFAULT false NOT NULL,
	"registered_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "task_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"task_id" integer NOT NULL,
	"kind" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"progress_percent" smallint,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_evidence" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "task_evidence_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"task_id" integer NOT NULL,
	"event_id" integer,
	"file_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"uploaded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "four_good_criteria_sets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "four_good_criteria_sets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"unit_id" integer,
	"unit_path" text COLLATE "C" DEFAULT '' NOT NULL,
	"from_year" smallint NOT NULL,
	"criteria" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "four_good_assessments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "four_good_assessments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"year" smallint NOT NULL,
	"unit_id" integer NOT NULL,
	"unit_path" text COLLATE "C" NOT NULL,
	"member_id" integer,
	"criteria_set_id" integer NOT NULL,
	"scores" jsonb NOT NULL,
	"self_comment" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"recognition_comment" text DEFAULT '' NOT NULL,
	"recognized_by" integer,
	"recognized_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_events" ADD CONSTRAINT "task_events_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_evidence" ADD CONSTRAINT "task_evidence_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_evidence" ADD CONSTRAINT "task_evidence_event_id_task_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."task_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_evidence" ADD CONSTRAINT "task_evidence_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "four_good_criteria_sets" ADD CONSTRAINT "four_good_criteria_sets_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "four_good_assessments" ADD CONSTRAINT "four_good_assessments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "four_good_assessments" ADD CONSTRAINT "four_good_assessments_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "four_good_assessments" ADD CONSTRAINT "four_good_assessments_criteria_set_id_four_good_criteria_sets_id_fk" FOREIGN KEY ("criteria_set_id") REFERENCES "public"."four_good_criteria_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tasks_unit_path_year_idx" ON "tasks" USING btree ("unit_path","start_year","end_year");--> statement-breakpoint
CREATE INDEX "tasks_member_idx" ON "tasks" USING btree ("member_id","start_year");--> statement-breakpoint
CREATE INDEX "tasks_member_deadline_idx" ON "tasks" USING btree ("member_id","deadline");--> statement-breakpoint
CREATE INDEX "tasks_status_idx" ON "tasks" USING btree ("status","unit_path");--> statement-breakpoint
CREATE INDEX "tasks_open_deadline_idx" ON "tasks" USING btree ("deadline","unit_path") WHERE status = 'approved' and outcome is null;--> statement-breakpoint
CREATE INDEX "tasks_model_idx" ON "tasks" USING btree ("unit_path","end_year") WHERE is_model;--> statement-breakpoint
CREATE INDEX "task_events_task_idx" ON "task_events" USING btree ("task_id","created_at");--> statement-breakpoint
CREATE INDEX "task_evidence_task_idx" ON "task_evidence" USING btree ("task_id");--> statement-breakpoint
CREATE UNIQUE INDEX "four_good_sets_scope_key" ON "four_good_criteria_sets" USING btree ("kind","unit_path","from_year");--> statement-breakpoint
CREATE UNIQUE INDEX "four_good_cell_year_key" ON "four_good_assessments" USING btree ("unit_id","year") WHERE kind = 'cell';--> statement-breakpoint
CREATE UNIQUE INDEX "four_good_member_year_key" ON "four_good_assessments" USING btree ("member_id","year") WHERE kind = 'member';--> statement-breakpoint
CREATE INDEX "four_good_scope_idx" ON "four_good_assessments" USING btree ("unit_path","year","kind");--> statement-breakpoint
INSERT INTO "four_good_criteria_sets" ("kind", "name", "unit_path", "from_year", "criteria") VALUES ('cell', 'Chi bộ 4 tốt (bộ tiêu chí mặc định)', '', 2000, '[{"code":"political_task","name":"Thực hiện tốt nhiệm vụ chính trị","description":"Lãnh đạo hoàn thành tốt nhiệm vụ chính trị của địa phương, cơ quan, đơn vị"},{"code":"meetings","name":"Sinh hoạt tốt","description":"Sinh hoạt chi bộ đúng định kỳ, nội dung thiết thực, có chất lượng"},{"code":"unity_discipline","name":"Đoàn kết, kỷ luật tốt","description":"Nội bộ đoàn kết, giữ nghiêm kỷ luật, kỷ cương"},{"code":"cadres_members","name":"Quản lý cán bộ, đảng viên tốt","description":"Giáo dục, quản lý, phát triển đảng viên tốt; không có đảng viên vi phạm"}]'::jsonb);--> statement-breakpoint
INSERT INTO "four_good_criteria_sets" ("kind", "name", "unit_path", "from_year", "criteria") VALUES ('member', 'Đảng viên 4 tốt (bộ tiêu chí mặc định)', '', 2000, '[{"code":"political_quality","name":"Phẩm chất chính trị, đạo đức tốt","description":"Bản lĩnh chính trị vững vàng, đạo đức, lối sống trong sáng, gương mẫu"},{"code":"duty","name":"Hoàn thành tốt nhiệm vụ được giao","description":"Hoàn thành tốt nhiệm vụ chuyên môn, sẵn sàng đảm nhận việc mới, việc khó"},{"code":"party_life","name":"Chấp hành tốt sinh hoạt đảng","description":"Sinh hoạt chi bộ đầy đủ, đóng đảng phí đúng quy định, giữ nghiêm kỷ luật"},{"code":"community","name":"Gương mẫu nơi cư trú","description":"Gương mẫu ở nơi cư trú, vận động gia đình và nhân dân chấp hành tốt chủ trương, chính sách"}]'::jsonb);
