import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Merchant synonym groups for discovery search (two-way, or one-way "x also finds y"). */
export class Migration20261220010000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "whatsapp_search_synonym" ("id" text not null, "mode" text check ("mode" in ('two_way', 'one_way')) not null default 'two_way', "source" text null, "terms" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "whatsapp_search_synonym_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_search_synonym_deleted_at" ON "whatsapp_search_synonym" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "whatsapp_search_synonym" cascade;`);
  }

}
