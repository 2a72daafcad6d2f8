import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261121202047 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index if exists "IDX_whatsapp_webhook_event_received_at";`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_webhook_event_status_received_at" ON "whatsapp_webhook_event" ("status", "received_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_whatsapp_webhook_event_status_received_at";`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_whatsapp_webhook_event_received_at" ON "whatsapp_webhook_event" ("received_at") WHERE deleted_at IS NULL;`);
  }

}
