import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Account-level webhooks (issue 18, items 8–10): each template's status as
 * Meta last reported it, a log of account events (raw and summarised), the
 * account's messaging tier and review decision, each customer's marketing
 * preference, Meta's pricing fields on outbound messages, and the `played`
 * status of voice messages.
 */
export class Migration20261213120000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "whatsapp_template_status" ("id" text not null, "waba_id" text not null, "name" text not null, "language" text not null, "template_id" text null, "status" text not null, "reason" text null, "category" text null, "other_info" jsonb null, "event_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "whatsapp_template_status_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_whatsapp_template_status_waba_id_name_language_unique" ON "whatsapp_template_status" ("waba_id", "name", "language") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "whatsapp_account_event" ("id" text not null, "account_id" text not null, "field" text not null, "event" text null, "summary" text not null, "payload" jsonb not null, "occurred_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "whatsapp_account_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_account_event_account_id_occurred_at" ON "whatsapp_account_event" ("account_id", "occurred_at") WHERE deleted_at IS NULL;`);
    this.addSql(`alter table if exists "whatsapp_account_event" add constraint "whatsapp_account_event_account_id_foreign" foreign key ("account_id") references "whatsapp_account" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table if exists "whatsapp_account"
      add column if not exists "messaging_limit_tier" text null,
      add column if not exists "quality_event" text null,
      add column if not exists "quality_updated_at" timestamptz null,
      add column if not exists "review_decision" text null,
      add column if not exists "review_updated_at" timestamptz null;`);

    this.addSql(`alter table if exists "whatsapp_conversation"
      add column if not exists "marketing_preference" text check ("marketing_preference" in ('stop', 'resume')) null,
      add column if not exists "marketing_preference_at" timestamptz null,
      add column if not exists "marketing_preference_detail" text null;`);

    this.addSql(`alter table if exists "whatsapp_message"
      add column if not exists "pricing_category" text null,
      add column if not exists "pricing_billable" boolean null,
      add column if not exists "pricing_model" text null,
      add column if not exists "pricing_type" text null,
      add column if not exists "echo" boolean not null default false;`);
    this.addSql(`alter table if exists "whatsapp_message" drop constraint if exists "whatsapp_message_status_check";`);
    this.addSql(`alter table if exists "whatsapp_message" add constraint "whatsapp_message_status_check" check ("status" in ('received', 'queued', 'sending', 'sent', 'delivered', 'read', 'played', 'failed'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`update "whatsapp_message" set "status" = 'read' where "status" = 'played';`);
    this.addSql(`alter table if exists "whatsapp_message" drop constraint if exists "whatsapp_message_status_check";`);
    this.addSql(`alter table if exists "whatsapp_message" add constraint "whatsapp_message_status_check" check ("status" in ('received', 'queued', 'sending', 'sent', 'delivered', 'read', 'failed'));`);
    this.addSql(`alter table if exists "whatsapp_message" drop column if exists "pricing_category", drop column if exists "pricing_billable", drop column if exists "pricing_model", drop column if exists "pricing_type", drop column if exists "echo";`);
    this.addSql(`alter table if exists "whatsapp_conversation" drop column if exists "marketing_preference", drop column if exists "marketing_preference_at", drop column if exists "marketing_preference_detail";`);
    this.addSql(`alter table if exists "whatsapp_account" drop column if exists "messaging_limit_tier", drop column if exists "quality_event", drop column if exists "quality_updated_at", drop column if exists "review_decision", drop column if exists "review_updated_at";`);
    this.addSql(`drop table if exists "whatsapp_account_event" cascade;`);
    this.addSql(`drop table if exists "whatsapp_template_status" cascade;`);
  }

}
