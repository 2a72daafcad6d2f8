import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Webhook bodies that are not UTF-8 text without NUL (never valid JSON, but
 * signed and acknowledged) are kept byte-exact as base64; every existing row
 * was stored as text.
 */
export class Migration20261210090000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "whatsapp_webhook_event" add column if not exists "raw_body_encoding" text check ("raw_body_encoding" in ('utf8', 'base64')) not null default 'utf8';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "whatsapp_webhook_event" drop column if exists "raw_body_encoding";`);
  }

}
