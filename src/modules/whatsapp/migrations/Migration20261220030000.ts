import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Product embeddings for hybrid search (the optional `ai` option), and the
 * `product_embedding` work kind they double as.
 */
export class Migration20261220030000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "whatsapp_product_embedding" ("id" text not null, "model" text null, "text_hash" text null, "dimensions" integer null, "vector" jsonb null, "sales_channel_ids" jsonb null, "embedded_at" timestamptz null, "queued_at" timestamptz null, "attempts" integer not null default 0, "locked_until" timestamptz null, "next_attempt_at" timestamptz null, "last_error" text null, "failed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "whatsapp_product_embedding_pkey" primary key ("id"));`);
    this.addSql(`create index if not exists "IDX_whatsapp_product_embedding_deleted_at" on "whatsapp_product_embedding" ("deleted_at") where deleted_at is null;`);
    this.addSql(`create index if not exists "IDX_whatsapp_product_embedding_queued" on "whatsapp_product_embedding" ("queued_at") where queued_at is not null and deleted_at is null;`);
    this.addSql(`create index if not exists "IDX_whatsapp_product_embedding_model" on "whatsapp_product_embedding" ("model", "updated_at") where deleted_at is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "whatsapp_product_embedding" cascade;`);
  }

}
