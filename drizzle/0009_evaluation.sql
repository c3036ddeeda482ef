CREATE TABLE "evaluation_frameworks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "evaluation_frameworks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"subject" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"document" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_criteria" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "evaluation_criteria_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"framework_id" integer NOT NULL,
	"post_title_code" text,
	"part" text NOT NULL,
	"name" text NOT NULL,
	"guidance" text DEFAULT '' NOT NULL,
	"max_points" numeric(5, 2) NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_periods" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "evaluation_periods_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"unit_path" text COLLATE "C" NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"year" integer NOT NULL,
	"label" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "evaluations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"period_id" integer NOT NULL,
	"member_id" integer,
	"target_unit_id" integer,
	"unit_id" integer NOT NULL,
	"unit_path" text COLLATE "C" NOT NULL,
	"framework_id" integer NOT NULL,
	"post_title_code" text,
	"stage" text DEFAULT 'none' NOT NULL,
	"final_score" numeric(5, 2),
	"rating" text,
	"rating_rule" text DEFAULT '' NOT NULL,
	"rating_citations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"task_counts" jsonb,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_steps" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "evaluation_steps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"evaluation_id" integer NOT NULL,
	"step" text NOT NULL,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"total" numeric(5, 2) NOT NULL,
	"proposed_rating" text,
	"comment" text DEFAULT '' NOT NULL,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_feedback" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "evaluation_feedback_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"member_id" integer NOT NULL,
	"unit_path" text COLLATE "C" NOT NULL,
	"source_kind" text NOT NULL,
	"source_name" text NOT NULL,
	"received_date" date NOT NULL,
	"content" text NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evaluation_criteria" ADD CONSTRAINT "evaluation_criteria_framework_id_evaluation_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."evaluation_frameworks"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "evaluation_periods" ADD CONSTRAINT "evaluation_periods_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_period_id_evaluation_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."evaluation_periods"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_target_unit_id_units_id_fk" FOREIGN KEY ("target_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_framework_id_evaluation_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."evaluation_frameworks"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "evaluation_steps" ADD CONSTRAINT "evaluation_steps_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "evaluation_feedback" ADD CONSTRAINT "evaluation_feedback_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_frameworks_code_key" ON "evaluation_frameworks" USING btree ("code");
--> statement-breakpoint
CREATE INDEX "evaluation_criteria_framework_idx" ON "evaluation_criteria" USING btree ("framework_id","part","sort_order");
--> statement-breakpoint
CREATE INDEX "evaluation_periods_unit_path_idx" ON "evaluation_periods" USING btree ("unit_path","year");
--> statement-breakpoint
CREATE INDEX "evaluation_periods_year_idx" ON "evaluation_periods" USING btree ("year","kind");
--> statement-breakpoint
CREATE UNIQUE INDEX "evaluations_period_member_key" ON "evaluations" USING btree ("period_id","member_id") WHERE member_id is not null;
--> statement-breakpoint
CREATE UNIQUE INDEX "evaluations_period_unit_key" ON "evaluations" USING btree ("period_id","target_unit_id") WHERE target_unit_id is not null;
--> statement-breakpoint
CREATE INDEX "evaluations_period_path_idx" ON "evaluations" USING btree ("period_id","unit_path");
--> statement-breakpoint
CREATE INDEX "evaluations_member_idx" ON "evaluations" USING btree ("member_id");
--> statement-breakpoint
CREATE INDEX "evaluations_unit_idx" ON "evaluations" USING btree ("period_id","unit_id","rating");
--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_steps_key" ON "evaluation_steps" USING btree ("evaluation_id","step");
--> statement-breakpoint
CREATE INDEX "evaluation_feedback_member_idx" ON "evaluation_feedback" USING btree ("member_id","received_date");
--> statement-breakpoint
CREATE INDEX "evaluation_feedback_unit_path_idx" ON "evaluation_feedback" USING btree ("unit_path");
--> statement-breakpoint
INSERT INTO "evaluation_frameworks" ("code","name","subject","description","document","sort_order") VALUES
('collective', 'Tập thể (tổ chức đảng, cơ quan, đơn vị)', 'collective', 'Khung tiêu chí đánh giá tập thể lãnh đạo, quản lý và tổ chức đảng.', 'Quy định 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị về kiểm điểm, đánh giá, xếp loại chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị, Điều 3', 1),
('central', 'Cán bộ thuộc diện Trung ương quản lý', 'individual', 'Khung tiêu chí đối với cán bộ diện Bộ Chính trị, Ban Bí thư quản lý.', 'Quy định 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị về kiểm điểm, đánh giá, xếp loại chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị, Điều 3', 2),
('leader', 'Cán bộ lãnh đạo, quản lý các cấp', 'individual', 'Khung tiêu chí đối với người giữ chức vụ lãnh đạo, quản lý (ngoài diện Trung ương quản lý).', 'Quy định 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị về kiểm điểm, đánh giá, xếp loại chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị, Điều 3', 3),
('staff', 'Cá nhân không giữ chức vụ lãnh đạo, quản lý', 'individual', 'Khung tiêu chí đối với cán bộ, công chức, viên chức, đảng viên không giữ chức vụ.', 'Quy định 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị về kiểm điểm, đánh giá, xếp loại chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị, Điều 3', 4),
('outside', 'Đảng viên không làm việc trong hệ thống chính trị', 'individual', 'Khung tiêu chí đối với đảng viên làm việc ngoài hệ thống chính trị (doanh nghiệp, hưu trí, lao động tự do…).', 'Quy định 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị về kiểm điểm, đánh giá, xếp loại chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị, Điều 3', 5);
--> statement-breakpoint
INSERT INTO "evaluation_criteria" ("framework_id","post_title_code","part","name","max_points","sort_order")
SELECT f."id", v.post_title_code, v.part, v.name, v.max_points, v.sort_order FROM (VALUES
('collective', NULL, 'general', 'Xây dựng Đảng về chính trị, tư tưởng, đạo đức', 10, 1),
('collective', NULL, 'general', 'Công tác tổ chức, cán bộ, kiểm tra, giám sát', 10, 2),
('collective', NULL, 'general', 'Đoàn kết nội bộ, chấp hành kỷ luật, kỷ cương', 10, 3),
('collective', NULL, 'tasks', 'Kết quả thực hiện các chỉ tiêu, nhiệm vụ trong năm', 50, 4),
('collective', NULL, 'tasks', 'Lãnh đạo thực hiện nhiệm vụ chính trị của địa phương, cơ quan, đơn vị', 20, 5),
('central', NULL, 'general', 'Chính trị, tư tưởng: trung thành, chấp hành đường lối, nghị quyết', 10, 1),
('central', NULL, 'general', 'Đạo đức, lối sống; trách nhiệm nêu gương', 10, 2),
('central', NULL, 'general', 'Ý thức tổ chức kỷ luật, tác phong, lề lối làm việc', 10, 3),
('central', NULL, 'tasks', 'Kết quả lãnh đạo, chỉ đạo lĩnh vực, địa bàn được phân công', 40, 4),
('central', NULL, 'tasks', 'Kết quả thực hiện chương trình, kế hoạch công tác, nhiệm vụ được giao', 20, 5),
('central', NULL, 'tasks', 'Năng lực quy tụ, đoàn kết; việc mới, việc khó đã đăng ký', 10, 6),
('leader', NULL, 'general', 'Chính trị, tư tưởng: trung thành, chấp hành đường lối, nghị quyết', 10, 1),
('leader', NULL, 'general', 'Đạo đức, lối sống; trách nhiệm nêu gương', 10, 2),
('leader', NULL, 'general', 'Ý thức tổ chức kỷ luật, tác phong, lề lối làm việc', 10, 3),
('leader', NULL, 'tasks', 'Kết quả thực hiện nhiệm vụ theo chức trách được giao', 30, 4),
('leader', NULL, 'tasks', 'Kết quả lãnh đạo, chỉ đạo cơ quan, đơn vị, lĩnh vực phụ trách', 20, 5),
('leader', NULL, 'tasks', 'Năng lực lãnh đạo, quản lý; xây dựng đoàn kết nội bộ', 10, 6),
('leader', NULL, 'tasks', 'Thực hiện việc mới, việc khó đã đăng ký', 10, 7),
('staff', NULL, 'general', 'Chính trị, tư tưởng: trung thành, chấp hành đường lối, nghị quyết', 10, 1),
('staff', NULL, 'general', 'Đạo đức, lối sống; trách nhiệm nêu gương', 10, 2),
('staff', NULL, 'general', 'Ý thức tổ chức kỷ luật, tác phong, lề lối làm việc', 10, 3),
('staff', NULL, 'tasks', 'Khối lượng, chất lượng, tiến độ công việc được giao', 40, 4),
('staff', NULL, 'tasks', 'Sản phẩm cụ thể theo kế hoạch công tác', 20, 5),
('staff', NULL, 'tasks', 'Thực hiện việc mới, việc khó đã đăng ký', 10, 6),
('outside', NULL, 'general', 'Chính trị, tư tưởng: trung thành, chấp hành đường lối, nghị quyết', 10, 1),
('outside', NULL, 'general', 'Đạo đức, lối sống; trách nhiệm nêu gương', 10, 2),
('outside', NULL, 'general', 'Ý thức tổ chức kỷ luật, tác phong, lề lối làm việc', 10, 3),
('outside', NULL, 'tasks', 'Thực hiện nhiệm vụ đảng viên và nhiệm vụ chi bộ phân công', 40, 4),
('outside', NULL, 'tasks', 'Gương mẫu nơi làm việc và nơi cư trú', 20, 5),
('outside', NULL, 'tasks', 'Thực hiện việc mới, việc khó đã đăng ký', 10, 6),
('leader', 'BT', 'tasks', 'Lãnh đạo toàn diện địa phương, đơn vị; kết quả thực hiện nghị quyết đại hội', 30, 10),
('leader', 'BT', 'tasks', 'Lãnh đạo công tác xây dựng Đảng, công tác cán bộ', 20, 11),
('leader', 'BT', 'tasks', 'Trách nhiệm người đứng đầu; đoàn kết, quy tụ', 10, 12),
('leader', 'BT', 'tasks', 'Thực hiện việc mới, việc khó đã đăng ký', 10, 13),
('leader', 'CT-UBND', 'tasks', 'Chỉ đạo, điều hành thực hiện kế hoạch phát triển kinh tế – xã hội', 30, 10),
('leader', 'CT-UBND', 'tasks', 'Cải cách hành chính, chuyển đổi số, giải quyết kiến nghị của nhân dân', 20, 11),
('leader', 'CT-UBND', 'tasks', 'Trách nhiệm người đứng đầu; phối hợp với Mặt trận và đoàn thể', 10, 12),
('leader', 'CT-UBND', 'tasks', 'Thực hiện việc mới, việc khó đã đăng ký', 10, 13)
) AS v(code, post_title_code, part, name, max_points, sort_order) JOIN "evaluation_frameworks" f ON f."code" = v.code;
