import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261121214432 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "whatsapp_catalog_item" add column if not exists "replaced_retailer_id" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "whatsapp_catalog_item" drop column if exists "replaced_retailer_id";`);
  }

}
