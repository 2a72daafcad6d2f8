import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122004524 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "whatsapp_rate_limit" drop column if exists "last_sent_at";`);

    this.addSql(`alter table if exists "whatsapp_rate_limit" add column if not exists "recent_sends" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "whatsapp_rate_limit" drop column if exists "recent_sends";`);

    this.addSql(`alter table if exists "whatsapp_rate_limit" add column if not exists "last_sent_at" timestamptz null;`);
  }

}
