import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Automations (issue 22): rules, their runs (also the `automation_run` work
 * kind: unique per rule and triggering event, ever) and conversation tags.
 */
export class Migration20261221010000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "whatsapp_automation_rule" ("id" text not null, "name" text not null, "enabled" boolean not null default true, "account_id" text null, "trigger_type" text not null, "trigger" jsonb not null, "conditions" jsonb not null default '[]', "delay_minutes" integer not null default 0, "actions" jsonb not null default '[]', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "whatsapp_automation_rule_pkey" primary key ("id"));`);
    this.addSql(`create index if not exists "IDX_whatsapp_automation_rule_deleted_at" on "whatsapp_automation_rule" ("deleted_at") where deleted_at is null;`);
    this.addSql(`create index if not exists "IDX_whatsapp_automation_rule_trigger_type_enabled" on "whatsapp_automation_rule" ("trigger_type", "enabled") where deleted_at is null;`);

    this.addSql(`create table if not exists "whatsapp_automation_run" ("id" text not null, "rule_id" text not null, "trigger_type" text not null, "trigger_key" text not null, "account_id" text null, "conversation_id" text null, "event" jsonb not null, "status" text check ("status" in ('waiting', 'running', 'succeeded', 'partial', 'failed', 'skipped')) not null default 'waiting', "due_at" timestamptz not null, "attempts" integer not null default 0, "locked_until" timestamptz null, "results" jsonb not null default '[]', "error" text null, "finished_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "whatsapp_automation_run_pkey" primary key ("id"));`);
    // Not partial: one run per rule and event, ever (a deleted run must not let a replay run again).
    this.addSql(`create unique index if not exists "IDX_whatsapp_automation_run_rule_id_trigger_key_unique" on "whatsapp_automation_run" ("rule_id", "trigger_key");`);
    this.addSql(`create index if not exists "IDX_whatsapp_automation_run_rule_id_created_at" on "whatsapp_automation_run" ("rule_id", "created_at");`);
    this.addSql(`create index if not exists "IDX_whatsapp_automation_run_deleted_at" on "whatsapp_automation_run" ("deleted_at") where deleted_at is null;`);
    this.addSql(`create index if not exists "IDX_whatsapp_automation_run_due" on "whatsapp_automation_run" ("due_at") where status in ('waiting', 'running') and deleted_at is null;`);

    this.addSql(`alter table if exists "whatsapp_conversation" add column if not exists "tags" jsonb not null default '[]';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "whatsapp_conversation" drop column if exists "tags";`);
    this.addSql(`drop table if exists "whatsapp_automation_run" cascade;`);
    this.addSql(`drop table if exists "whatsapp_automation_rule" cascade;`);
  }

}
