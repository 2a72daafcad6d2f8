import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** The language the customer writes in (es, pt, en), when their messages tell; null falls back to the account's. */
export class Migration20261206010000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "whatsapp_conversation" add column if not exists "language" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "whatsapp_conversation" drop column if exists "language";`);
  }

}
