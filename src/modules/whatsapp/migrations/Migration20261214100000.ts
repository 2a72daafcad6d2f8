import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The Meta business portfolio that owns the account's WABA: the catalog step
 * lists and creates catalogs in it. Filled from Meta (`owner_business_info`)
 * when first needed, or given by Embedded Signup.
 */
export class Migration20261214100000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "whatsapp_account" add column if not exists "business_id" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "whatsapp_account" drop column if exists "business_id";`);
  }

}
