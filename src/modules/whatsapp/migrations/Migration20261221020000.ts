import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Recovery in steps: how many steps each cart has had, and one row per cart
 * and step (the per-step figures). Carts reminded before steps existed had
 * their step 1; those with a final reason (opted out, cart gone) are done.
 */
export class Migration20261221020000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "whatsapp_cart" add column if not exists "recovery_step" integer not null default 0;`);
    this.addSql(`update "whatsapp_cart" set "recovery_step" = case when "recovery_skipped_reason" in ('opted_out', 'marketing_stopped', 'cart_missing', 'cart_empty') then 3 else 1 end where "abandoned_at" is not null;`);
    this.addSql(`create index if not exists "IDX_whatsapp_cart_recovery_due" on "whatsapp_cart" ("account_id", "created_at") where status IN ('submitted', 'link_sent', 'abandoned') AND recovery_step < 3 AND deleted_at IS NULL;`);
    this.addSql(`create table if not exists "whatsapp_recovery_step" ("id" text not null, "whatsapp_cart_id" text not null, "account_id" text not null, "step" integer not null, "message_id" text null, "skipped_reason" text null, "promotion_code" text null, "decided_at" timestamptz not null, "clicked_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "whatsapp_recovery_step_pkey" primary key ("id"));`);
    this.addSql(`create unique index if not exists "IDX_whatsapp_recovery_step_whatsapp_cart_id_step_unique" on "whatsapp_recovery_step" ("whatsapp_cart_id", "step") where deleted_at IS NULL;`);
    this.addSql(`create index if not exists "IDX_whatsapp_recovery_step_account_id_decided_at" on "whatsapp_recovery_step" ("account_id", "decided_at") where deleted_at IS NULL;`);
    this.addSql(`create index if not exists "IDX_whatsapp_recovery_step_deleted_at" on "whatsapp_recovery_step" ("deleted_at") where deleted_at is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "whatsapp_recovery_step" cascade;`);
    this.addSql(`drop index if exists "IDX_whatsapp_cart_recovery_due";`);
    this.addSql(`alter table if exists "whatsapp_cart" drop column if exists "recovery_step";`);
  }

}
