import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261121194143 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "whatsapp_message" drop constraint if exists "whatsapp_message_idempotency_key_unique";`);
    this.addSql(`alter table if exists "whatsapp_message" drop constraint if exists "whatsapp_message_wamid_unique";`);
    this.addSql(`alter table if exists "whatsapp_conversation" drop constraint if exists "whatsapp_conversation_account_id_wa_id_unique";`);
    this.addSql(`alter table if exists "whatsapp_account" drop constraint if exists "whatsapp_account_phone_number_id_unique";`);
    this.addSql(`create table if not exists "whatsapp_account" ("id" text not null, "name" text not null, "waba_id" text not null, "phone_number_id" text not null, "display_phone_number" text null, "access_token" text not null, "app_secret" text null, "catalog_id" text null, "sales_channel_id" text null, "region_id" text null, "language" text not null default 'en', "settings" jsonb not null default '{}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "whatsapp_account_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_whatsapp_account_phone_number_id_unique" ON "whatsapp_account" ("phone_number_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_account_deleted_at" ON "whatsapp_account" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "whatsapp_conversation" ("id" text not null, "account_id" text not null, "wa_id" text not null, "profile_name" text null, "customer_id" text null, "last_inbound_at" timestamptz null, "last_message_at" timestamptz null, "opted_out" boolean not null default false, "unread_count" integer not null default 0, "has_cart" boolean not null default false, "has_inquiry" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "whatsapp_conversation_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_conversation_account_id" ON "whatsapp_conversation" ("account_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_conversation_deleted_at" ON "whatsapp_conversation" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_whatsapp_conversation_account_id_wa_id_unique" ON "whatsapp_conversation" ("account_id", "wa_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_conversation_last_message_at" ON "whatsapp_conversation" ("last_message_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "whatsapp_message" ("id" text not null, "conversation_id" text not null, "wamid" text null, "idempotency_key" text null, "direction" text check ("direction" in ('inbound', 'outbound')) not null, "type" text not null, "text" text null, "payload" jsonb null, "status" text check ("status" in ('received', 'queued', 'sending', 'sent', 'delivered', 'read', 'failed')) not null default 'received', "error_code" text null, "error_message" text null, "attempts" integer not null default 0, "next_attempt_at" timestamptz null, "sent_at" timestamptz null, "referred_retailer_id" text null, "referred_product_id" text null, "referred_variant_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "whatsapp_message_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_message_conversation_id" ON "whatsapp_message" ("conversation_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_message_deleted_at" ON "whatsapp_message" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_whatsapp_message_wamid_unique" ON "whatsapp_message" ("wamid") WHERE wamid IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_whatsapp_message_idempotency_key_unique" ON "whatsapp_message" ("idempotency_key") WHERE idempotency_key IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_message_status_next_attempt_at" ON "whatsapp_message" ("status", "next_attempt_at") WHERE direction = 'outbound' AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "whatsapp_webhook_event" ("id" text not null, "raw_body" text not null, "received_at" timestamptz not null, "status" text check ("status" in ('pending', 'processed', 'failed', 'ignored')) not null default 'pending', "processed_at" timestamptz null, "attempts" integer not null default 0, "next_attempt_at" timestamptz null, "last_error" text null, "phone_number_ids" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "whatsapp_webhook_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_webhook_event_deleted_at" ON "whatsapp_webhook_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_webhook_event_status_next_attempt_at" ON "whatsapp_webhook_event" ("status", "next_attempt_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "whatsapp_conversation" add constraint "whatsapp_conversation_account_id_foreign" foreign key ("account_id") references "whatsapp_account" ("id") on update cascade;`);

    this.addSql(`alter table if exists "whatsapp_message" add constraint "whatsapp_message_conversation_id_foreign" foreign key ("conversation_id") references "whatsapp_conversation" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "whatsapp_conversation" drop constraint if exists "whatsapp_conversation_account_id_foreign";`);

    this.addSql(`alter table if exists "whatsapp_message" drop constraint if exists "whatsapp_message_conversation_id_foreign";`);

    this.addSql(`drop table if exists "whatsapp_account" cascade;`);

    this.addSql(`drop table if exists "whatsapp_conversation" cascade;`);

    this.addSql(`drop table if exists "whatsapp_message" cascade;`);

    this.addSql(`drop table if exists "whatsapp_webhook_event" cascade;`);
  }

}
