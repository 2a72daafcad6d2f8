import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261121211204 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "whatsapp_product_setting" drop constraint if exists "whatsapp_product_setting_product_id_unique";`);
    this.addSql(`alter table if exists "whatsapp_catalog_item" drop constraint if exists "whatsapp_catalog_item_catalog_id_variant_id_unique";`);
    this.addSql(`alter table if exists "whatsapp_catalog_item" drop constraint if exists "whatsapp_catalog_item_catalog_id_retailer_id_unique";`);
    this.addSql(`create table if not exists "whatsapp_catalog_item" ("id" text not null, "catalog_id" text not null, "variant_id" text not null, "product_id" text null, "retailer_id" text not null, "retailer_id_source" text check ("retailer_id_source" in ('default', 'manual', 'imported')) not null default 'default', "content_hash" text null, "sync_status" text check ("sync_status" in ('pending', 'synced', 'error', 'invalid', 'deleted')) not null default 'pending', "errors" jsonb null, "warnings" jsonb null, "last_synced_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "whatsapp_catalog_item_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_catalog_item_deleted_at" ON "whatsapp_catalog_item" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_whatsapp_catalog_item_catalog_id_retailer_id_unique" ON "whatsapp_catalog_item" ("catalog_id", "retailer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_whatsapp_catalog_item_catalog_id_variant_id_unique" ON "whatsapp_catalog_item" ("catalog_id", "variant_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_catalog_item_catalog_id_sync_status" ON "whatsapp_catalog_item" ("catalog_id", "sync_status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "whatsapp_catalog_sync_run" ("id" text not null, "account_id" text not null, "catalog_id" text not null, "trigger" text check ("trigger" in ('manual', 'incremental', 'scheduled')) not null default 'manual', "status" text check ("status" in ('running', 'completed', 'failed')) not null default 'running', "stats" jsonb not null default '{}', "error" text null, "started_at" timestamptz not null, "finished_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "whatsapp_catalog_sync_run_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_catalog_sync_run_deleted_at" ON "whatsapp_catalog_sync_run" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "whatsapp_product_setting" ("id" text not null, "product_id" text not null, "searchable" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "whatsapp_product_setting_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_whatsapp_product_setting_product_id_unique" ON "whatsapp_product_setting" ("product_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_product_setting_deleted_at" ON "whatsapp_product_setting" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "whatsapp_catalog_item" cascade;`);

    this.addSql(`drop table if exists "whatsapp_catalog_sync_run" cascade;`);

    this.addSql(`drop table if exists "whatsapp_product_setting" cascade;`);
  }

}
