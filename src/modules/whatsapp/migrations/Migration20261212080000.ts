import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Catalog changes join the one work queue: a claim with a lease instead of
 * a delete at take, attempts with backoff, and a visible give-up, so a sync
 * that fails keeps its variants instead of dropping them to the nightly
 * reconcile.
 */
export class Migration20261212080000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "whatsapp_catalog_queue"
      add column if not exists "attempts" integer not null default 0,
      add column if not exists "locked_until" timestamptz null,
      add column if not exists "next_attempt_at" timestamptz null,
      add column if not exists "last_error" text null,
      add column if not exists "failed_at" timestamptz null;`);
    // The send-order check of the outbound work: unsent messages per conversation.
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_message_unsent_by_conversation" ON "whatsapp_message" ("conversation_id", "created_at") WHERE direction = 'outbound' AND status IN ('queued', 'sending') AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_catalog_queue_due" ON "whatsapp_catalog_queue" ("queued_at") WHERE deleted_at IS NULL AND failed_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_whatsapp_catalog_queue_due";`);
    this.addSql(`drop index if exists "IDX_whatsapp_message_unsent_by_conversation";`);
    this.addSql(`alter table if exists "whatsapp_catalog_queue"
      drop column if exists "attempts", drop column if exists "locked_until", drop column if exists "next_attempt_at",
      drop column if exists "last_error", drop column if exists "failed_at";`);
  }

}
