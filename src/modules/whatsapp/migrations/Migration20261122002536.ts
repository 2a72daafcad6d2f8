import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122002536 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "whatsapp_cart" add column if not exists "abandoned_at" timestamptz null, add column if not exists "recovery_channel" text null, add column if not exists "recovery_message_id" text null, add column if not exists "recovery_skipped_reason" text null, add column if not exists "order_total" numeric null, add column if not exists "raw_order_total" jsonb null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_cart_account_id_created_at" ON "whatsapp_cart" ("account_id", "created_at") WHERE status IN ('submitted', 'link_sent') AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_cart_created_at" ON "whatsapp_cart" ("created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_whatsapp_cart_account_id_created_at";`);
    this.addSql(`drop index if exists "IDX_whatsapp_cart_created_at";`);
    this.addSql(`alter table if exists "whatsapp_cart" drop column if exists "abandoned_at", drop column if exists "recovery_channel", drop column if exists "recovery_message_id", drop column if exists "recovery_skipped_reason", drop column if exists "order_total", drop column if exists "raw_order_total";`);
  }

}
