import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The concierge: a conversation handed off to a person (auto-replies pause
 * until an admin resumes them) and its run of searches that found nothing;
 * the merchant's FAQ answers per account, topic and language.
 */
export class Migration20261220020000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "whatsapp_conversation" add column if not exists "handoff_at" timestamptz null, add column if not exists "handoff_reason" text check ("handoff_reason" in ('requested', 'search_misses', 'faq_unanswered', 'product_question')) null, add column if not exists "search_misses" integer not null default 0;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_conversation_handoff_at" ON "whatsapp_conversation" ("handoff_at") WHERE deleted_at IS NULL AND handoff_at IS NOT NULL;`);
    this.addSql(`create table if not exists "whatsapp_faq_answer" ("id" text not null, "account_id" text not null, "topic" text check ("topic" in ('shipping', 'returns', 'payment', 'hours')) not null, "language" text check ("language" in ('en', 'es', 'pt')) not null, "answer" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "whatsapp_faq_answer_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_faq_answer_deleted_at" ON "whatsapp_faq_answer" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_whatsapp_faq_answer_account_id_topic_language_unique" ON "whatsapp_faq_answer" ("account_id", "topic", "language") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "whatsapp_faq_answer" cascade;`);
    this.addSql(`drop index if exists "IDX_whatsapp_conversation_handoff_at";`);
    this.addSql(`alter table if exists "whatsapp_conversation" drop column if exists "handoff_at", drop column if exists "handoff_reason", drop column if exists "search_misses";`);
  }

}
