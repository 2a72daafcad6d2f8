import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Order on submit: a conversation can be handed to a person to take the delivery address (`address_needed`). */
export class Migration20261221030100 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "whatsapp_conversation" drop constraint if exists "whatsapp_conversation_handoff_reason_check";`);
    this.addSql(`alter table if exists "whatsapp_conversation" add constraint "whatsapp_conversation_handoff_reason_check" check ("handoff_reason" in ('requested', 'search_misses', 'faq_unanswered', 'product_question', 'address_needed'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`update "whatsapp_conversation" set "handoff_reason" = 'requested' where "handoff_reason" = 'address_needed';`);
    this.addSql(`alter table if exists "whatsapp_conversation" drop constraint if exists "whatsapp_conversation_handoff_reason_check";`);
    this.addSql(`alter table if exists "whatsapp_conversation" add constraint "whatsapp_conversation_handoff_reason_check" check ("handoff_reason" in ('requested', 'search_misses', 'faq_unanswered', 'product_question'));`);
  }

}
