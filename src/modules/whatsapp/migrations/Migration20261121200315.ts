import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261121200315 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "whatsapp_rate_limit" ("id" text not null, "tat" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "whatsapp_rate_limit_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_rate_limit_deleted_at" ON "whatsapp_rate_limit" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "whatsapp_message" add column if not exists "claimed_until" timestamptz null;`);

    this.addSql(`alter table if exists "whatsapp_webhook_event" add column if not exists "locked_until" timestamptz null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_webhook_event_received_at" ON "whatsapp_webhook_event" ("received_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "whatsapp_rate_limit" cascade;`);

    this.addSql(`alter table if exists "whatsapp_message" drop column if exists "claimed_until";`);

    this.addSql(`drop index if exists "IDX_whatsapp_webhook_event_received_at";`);
    this.addSql(`alter table if exists "whatsapp_webhook_event" drop column if exists "locked_until";`);
  }

}
