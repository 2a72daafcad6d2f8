import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The message lifecycle and ad referrals: replies and forwarding on a
 * message; edits (with their history), revokes and reactions applied to the
 * message they name (an action whose target has not arrived yet waits with
 * `applied_at` null); Click-to-WhatsApp referrals on the message, on the
 * conversation (first and last touch) and on the carts made there.
 */
export class Migration20261213130000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "whatsapp_message"
      add column if not exists "reply_to_wamid" text null,
      add column if not exists "reply_to_message_id" text null,
      add column if not exists "forwarded" boolean not null default false,
      add column if not exists "frequently_forwarded" boolean not null default false,
      add column if not exists "target_wamid" text null,
      add column if not exists "applied_at" timestamptz null,
      add column if not exists "edited_at" timestamptz null,
      add column if not exists "edits" jsonb null,
      add column if not exists "revoked_at" timestamptz null,
      add column if not exists "reaction_emoji" text null,
      add column if not exists "reacted_at" timestamptz null,
      add column if not exists "referral" jsonb null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_message_pending_target" ON "whatsapp_message" ("target_wamid") WHERE target_wamid IS NOT NULL AND applied_at IS NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_message_pending_reply" ON "whatsapp_message" ("reply_to_wamid") WHERE reply_to_wamid IS NOT NULL AND reply_to_message_id IS NULL AND deleted_at IS NULL;`);
    this.addSql(`alter table if exists "whatsapp_conversation"
      add column if not exists "first_referral" jsonb null,
      add column if not exists "last_referral" jsonb null;`);
    this.addSql(`alter table if exists "whatsapp_cart"
      add column if not exists "referral_source_id" text null,
      add column if not exists "referral_ctwa_clid" text null,
      add column if not exists "referral" jsonb null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_cart_referral_source_id" ON "whatsapp_cart" ("referral_source_id") WHERE referral_source_id IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_whatsapp_cart_referral_source_id";`);
    this.addSql(`alter table if exists "whatsapp_cart" drop column if exists "referral_source_id", drop column if exists "referral_ctwa_clid", drop column if exists "referral";`);
    this.addSql(`alter table if exists "whatsapp_conversation" drop column if exists "first_referral", drop column if exists "last_referral";`);
    this.addSql(`drop index if exists "IDX_whatsapp_message_pending_reply";`);
    this.addSql(`drop index if exists "IDX_whatsapp_message_pending_target";`);
    this.addSql(`alter table if exists "whatsapp_message"
      drop column if exists "reply_to_wamid", drop column if exists "reply_to_message_id",
      drop column if exists "forwarded", drop column if exists "frequently_forwarded",
      drop column if exists "target_wamid", drop column if exists "applied_at",
      drop column if exists "edited_at", drop column if exists "edits", drop column if exists "revoked_at",
      drop column if exists "reaction_emoji", drop column if exists "reacted_at", drop column if exists "referral";`);
  }

}
