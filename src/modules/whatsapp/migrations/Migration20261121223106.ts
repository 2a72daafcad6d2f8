import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261121223106 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "whatsapp_cart" drop constraint if exists "whatsapp_cart_source_wamid_unique";`);
    this.addSql(`create table if not exists "whatsapp_auto_reply_rule" ("id" text not null, "account_id" text not null, "name" text not null, "match" text check ("match" in ('exact', 'contains')) not null default 'contains', "keywords" jsonb not null, "reply_type" text check ("reply_type" in ('text', 'products')) not null default 'text', "reply_text" text null, "product_ids" jsonb null, "variant_ids" jsonb null, "priority" integer not null default 0, "active" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "whatsapp_auto_reply_rule_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_auto_reply_rule_deleted_at" ON "whatsapp_auto_reply_rule" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_auto_reply_rule_account_id_active" ON "whatsapp_auto_reply_rule" ("account_id", "active") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "whatsapp_cart" ("id" text not null, "account_id" text not null, "conversation_id" text not null, "source_wamid" text not null, "source_message_id" text null, "cart_id" text null, "customer_id" text null, "status" text check ("status" in ('pending', 'submitted', 'link_sent', 'paid', 'abandoned', 'recovered', 'rejected')) not null default 'pending', "currency_code" text null, "total" numeric null, "items" jsonb null, "issues" jsonb null, "checkout_expires_at" timestamptz null, "link_message_id" text null, "recovery_sent_at" timestamptz null, "order_id" text null, "paid_at" timestamptz null, "raw_total" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "whatsapp_cart_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_cart_deleted_at" ON "whatsapp_cart" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_whatsapp_cart_source_wamid_unique" ON "whatsapp_cart" ("source_wamid") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_cart_cart_id" ON "whatsapp_cart" ("cart_id") WHERE cart_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_cart_conversation_id" ON "whatsapp_cart" ("conversation_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_cart_account_id_status_created_at" ON "whatsapp_cart" ("account_id", "status", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "whatsapp_message" add column if not exists "handled_at" timestamptz null, add column if not exists "handle_attempts" integer not null default 0, add column if not exists "handle_error" text null, add column if not exists "handle_claimed_until" timestamptz null;`);
    // Messages stored before this migration are not answered after an upgrade.
    this.addSql(`update "whatsapp_message" set "handled_at" = "created_at" where "direction" = 'inbound' and "handled_at" is null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_message_created_at" ON "whatsapp_message" ("created_at") WHERE direction = 'inbound' AND handled_at IS NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "whatsapp_auto_reply_rule" cascade;`);

    this.addSql(`drop table if exists "whatsapp_cart" cascade;`);

    this.addSql(`drop index if exists "IDX_whatsapp_message_created_at";`);
    this.addSql(`alter table if exists "whatsapp_message" drop column if exists "handled_at", drop column if exists "handle_attempts", drop column if exists "handle_error", drop column if exists "handle_claimed_until";`);
  }

}
