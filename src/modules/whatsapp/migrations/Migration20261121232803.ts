import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261121232803 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "whatsapp_cart" drop constraint if exists "whatsapp_cart_status_check";`);

    this.addSql(`alter table if exists "whatsapp_cart" add column if not exists "payment_provider_id" text null;`);
    this.addSql(`alter table if exists "whatsapp_cart" add constraint "whatsapp_cart_status_check" check("status" in ('pending', 'submitted', 'link_sent', 'ordered', 'paid', 'abandoned', 'recovered', 'rejected'));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_cart_order_id" ON "whatsapp_cart" ("order_id") WHERE order_id IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "whatsapp_cart" drop constraint if exists "whatsapp_cart_status_check";`);

    this.addSql(`drop index if exists "IDX_whatsapp_cart_order_id";`);
    this.addSql(`alter table if exists "whatsapp_cart" drop column if exists "payment_provider_id";`);

    this.addSql(`alter table if exists "whatsapp_cart" add constraint "whatsapp_cart_status_check" check("status" in ('pending', 'submitted', 'link_sent', 'paid', 'abandoned', 'recovered', 'rejected'));`);
  }

}
