import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * A WhatsApp cart belongs to its account and its conversation, declared on
 * the model (so Query can follow them) and enforced here. NOT VALID: new
 * and changed rows are checked at once without a long lock on a large
 * table; VALIDATE then checks the rows from before, without blocking writes.
 */
export class Migration20261212090000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "whatsapp_cart" drop constraint if exists "whatsapp_cart_account_id_foreign";`);
    this.addSql(`alter table if exists "whatsapp_cart" add constraint "whatsapp_cart_account_id_foreign" foreign key ("account_id") references "whatsapp_account" ("id") on update cascade not valid;`);
    this.addSql(`alter table if exists "whatsapp_cart" drop constraint if exists "whatsapp_cart_conversation_id_foreign";`);
    this.addSql(`alter table if exists "whatsapp_cart" add constraint "whatsapp_cart_conversation_id_foreign" foreign key ("conversation_id") references "whatsapp_conversation" ("id") on update cascade not valid;`);
    this.addSql(`alter table if exists "whatsapp_cart" validate constraint "whatsapp_cart_account_id_foreign";`);
    this.addSql(`alter table if exists "whatsapp_cart" validate constraint "whatsapp_cart_conversation_id_foreign";`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_cart_account_id" ON "whatsapp_cart" ("account_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_whatsapp_cart_account_id";`);
    this.addSql(`alter table if exists "whatsapp_cart" drop constraint if exists "whatsapp_cart_account_id_foreign";`);
    this.addSql(`alter table if exists "whatsapp_cart" drop constraint if exists "whatsapp_cart_conversation_id_foreign";`);
  }

}
