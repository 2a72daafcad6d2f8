import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Catalog visibility becomes its own switch (`hidden_in_catalog`). Until now
 * the search switches (a product's `searchable`, an account's
 * `search_enabled`) were sent to Meta as visibility "hidden": those products
 * are NOT hidden now (the new column starts false for everyone), and their
 * variants are queued so the next incremental sync publishes them again
 * instead of waiting for the nightly reconcile.
 */
export class Migration20261123100000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "whatsapp_product_setting" add column if not exists "hidden_in_catalog" boolean not null default false;`);

    this.addSql(`insert into "whatsapp_catalog_queue" ("id", "queued_at", "created_at", "updated_at")
      select distinct i."variant_id", now(), now(), now() from "whatsapp_catalog_item" i
      where i."deleted_at" is null and i."sync_status" <> 'deleted' and (
        i."product_id" in (select s."product_id" from "whatsapp_product_setting" s where s."searchable" = false and s."deleted_at" is null)
        or i."catalog_id" in (select a."catalog_id" from "whatsapp_account" a where a."catalog_id" is not null and a."deleted_at" is null and a."settings"->>'search_enabled' = 'false'))
      on conflict ("id") do update set "queued_at" = now(), "updated_at" = now();`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "whatsapp_product_setting" drop column if exists "hidden_in_catalog";`);
  }

}
