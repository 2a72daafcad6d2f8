import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Customer links must be proven (see lib/customer-link). Every link made
 * before, by phone match, starts `unverified` (not trusted); the migration
 * script `prove-whatsapp-customer-links` then upgrades those whose customer
 * the customer module shows we created from WhatsApp for that number.
 * Also the one-time phone links a storefront customer proves a number with.
 */
export class Migration20261206041852 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "whatsapp_phone_link" drop constraint if exists "whatsapp_phone_link_token_hash_unique";`);
    this.addSql(`create table if not exists "whatsapp_phone_link" ("id" text not null, "conversation_id" text not null, "customer_id" text not null, "token_hash" text not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "whatsapp_phone_link_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_phone_link_deleted_at" ON "whatsapp_phone_link" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_whatsapp_phone_link_token_hash_unique" ON "whatsapp_phone_link" ("token_hash") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_phone_link_conversation_id_created_at" ON "whatsapp_phone_link" ("conversation_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "whatsapp_conversation" add column if not exists "customer_link_method" text check ("customer_link_method" in ('whatsapp_created', 'verified_by_customer', 'linked_by_admin', 'unverified')) null, add column if not exists "customer_linked_by" text null, add column if not exists "customer_linked_at" timestamptz null;`);
    this.addSql(`update "whatsapp_conversation" set "customer_link_method" = 'unverified' where "customer_id" is not null and "customer_link_method" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "whatsapp_phone_link" cascade;`);

    this.addSql(`alter table if exists "whatsapp_conversation" drop column if exists "customer_link_method", drop column if exists "customer_linked_by", drop column if exists "customer_linked_at";`);
  }

}
