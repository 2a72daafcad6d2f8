import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Customers known by a business-scoped user ID (BSUID), a phone, or both.
 * `wa_id` becomes optional (a username customer may withhold the phone);
 * either identifier must be there. Former identifiers stay findable after a
 * number or BSUID change, and a conversation merged into another points at it.
 */
export class Migration20261213090000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "whatsapp_conversation" alter column "wa_id" drop not null;`);
    this.addSql(`alter table if exists "whatsapp_conversation" add column if not exists "user_id" text null, add column if not exists "parent_user_id" text null, add column if not exists "username" text null, add column if not exists "former_identities" jsonb not null default '[]', add column if not exists "merged_into_id" text null;`);
    this.addSql(`alter table if exists "whatsapp_conversation" drop constraint if exists "whatsapp_conversation_identity_check";`);
    this.addSql(`alter table if exists "whatsapp_conversation" add constraint "whatsapp_conversation_identity_check" check ("wa_id" is not null or "user_id" is not null);`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_whatsapp_conversation_account_id_user_id_unique" ON "whatsapp_conversation" ("account_id", "user_id") WHERE deleted_at IS NULL AND user_id IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_conversation_former_identities" ON "whatsapp_conversation" USING gin ("former_identities" jsonb_path_ops);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_whatsapp_conversation_former_identities";`);
    this.addSql(`drop index if exists "IDX_whatsapp_conversation_account_id_user_id_unique";`);
    this.addSql(`alter table if exists "whatsapp_conversation" drop constraint if exists "whatsapp_conversation_identity_check";`);
    this.addSql(`alter table if exists "whatsapp_conversation" drop column if exists "user_id", drop column if exists "parent_user_id", drop column if exists "username", drop column if exists "former_identities", drop column if exists "merged_into_id";`);
  }

}
