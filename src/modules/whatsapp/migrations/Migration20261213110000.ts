import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Media on messages: what Meta said of the file (id, type, hash, size,
 * name), where the File module keeps it, and its download as work on the
 * one queue (`media_download`: attempts, lease doubling as backoff, error).
 */
export class Migration20261213110000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "whatsapp_message"
      add column if not exists "media_id" text null,
      add column if not exists "media_mime_type" text null,
      add column if not exists "media_sha256" text null,
      add column if not exists "media_size" integer null,
      add column if not exists "media_filename" text null,
      add column if not exists "media_file_id" text null,
      add column if not exists "media_url" text null,
      add column if not exists "media_status" text check ("media_status" in ('pending', 'stored', 'failed')) null,
      add column if not exists "media_error" text null,
      add column if not exists "media_attempts" integer not null default 0,
      add column if not exists "media_claimed_until" timestamptz null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_message_media_pending" ON "whatsapp_message" ("created_at") WHERE media_status = 'pending' AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_whatsapp_message_media_pending";`);
    this.addSql(`alter table if exists "whatsapp_message"
      drop column if exists "media_id", drop column if exists "media_mime_type", drop column if exists "media_sha256",
      drop column if exists "media_size", drop column if exists "media_filename", drop column if exists "media_file_id",
      drop column if exists "media_url", drop column if exists "media_status", drop column if exists "media_error",
      drop column if exists "media_attempts", drop column if exists "media_claimed_until";`);
  }

}
