import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261121205825 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "whatsapp_rate_limit" add column if not exists "last_sent_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "whatsapp_rate_limit" drop column if exists "last_sent_at";`);
  }

}
