DROP INDEX "dossier_documents_scope_idx";--> statement-breakpoint
ALTER TABLE "document_types" ADD COLUMN "sensitive" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "document_types_process_idx" ON "document_types" USING btree ("process","sort_order");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_documents_current_key" ON "dossier_documents" USING btree ("member_id","document_type_id") WHERE superseded_at is null;--> statement-breakpoint
CREATE INDEX "dossier_documents_current_type_idx" ON "dossier_documents" USING btree ("document_type_id","status","member_id") WHERE superseded_at is null;--> statement-breakpoint
ALTER TABLE "dossier_documents" DROP COLUMN "unit_path";