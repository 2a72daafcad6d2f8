import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261121211938 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "whatsapp_catalog_queue" ("id" text not null, "queued_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "whatsapp_catalog_queue_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_catalog_queue_deleted_at" ON "whatsapp_catalog_queue" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "whatsapp_catalog_queue" cascade;`);
  }

}
