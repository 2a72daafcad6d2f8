import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Issue 22: the keyword auto-replies become automation rules. Each live row
 * of whatsapp_auto_reply_rule becomes the rule "when a message of this number
 * matches these keywords (same match mode) → send this text / these products",
 * with the same id (old API clients keep their ids), name, enabled state and
 * priority. A rule the old checks would have refused (no keyword, no text)
 * comes over disabled rather than answering every message with nothing.
 *
 * The old table is kept, renamed whatsapp_auto_reply_rule_migrated and read
 * by nothing, so down() restores exactly what was there (dropping it would
 * make the migration one-way); drop it by hand once the rules are checked
 * (docs/automations.md). Idempotent: run again, it copies nothing twice.
 */
export class Migration20261222010000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "whatsapp_automation_rule" add column if not exists "priority" integer not null default 0;`);
    this.addSql(`do $$
begin
  if to_regclass('whatsapp_auto_reply_rule') is null then
    return;
  end if;
  insert into "whatsapp_automation_rule" ("id", "name", "enabled", "account_id", "priority", "trigger_type", "trigger", "conditions", "delay_minutes", "actions", "created_at", "updated_at")
  select r."id", r."name",
         r."active" and jsonb_array_length(coalesce(r."keywords", '[]'::jsonb)) > 0
           and (r."reply_type" = 'products' or coalesce(btrim(r."reply_text"), '') <> ''),
         r."account_id", r."priority", 'message_received',
         jsonb_build_object('type', 'message_received', 'match', r."match", 'keywords', coalesce(r."keywords", '[]'::jsonb)),
         '[]'::jsonb, 0,
         case when r."reply_type" = 'products' then jsonb_build_array(jsonb_strip_nulls(jsonb_build_object(
                'type', 'send_products',
                'product_ids', coalesce(r."product_ids", '[]'::jsonb),
                'variant_ids', case when jsonb_array_length(coalesce(r."variant_ids", '[]'::jsonb)) > 0 then r."variant_ids" end,
                'text', nullif(btrim(r."reply_text"), ''))))
              else jsonb_build_array(jsonb_build_object('type', 'send_text', 'text', coalesce(r."reply_text", '')))
         end,
         r."created_at", r."updated_at"
    from "whatsapp_auto_reply_rule" r
   where r."deleted_at" is null
  on conflict ("id") do nothing;
  if to_regclass('whatsapp_auto_reply_rule_migrated') is null then
    alter table "whatsapp_auto_reply_rule" rename to "whatsapp_auto_reply_rule_migrated";
  else
    insert into "whatsapp_auto_reply_rule_migrated" select * from "whatsapp_auto_reply_rule" on conflict ("id") do nothing;
    drop table "whatsapp_auto_reply_rule";
  end if;
end $$;`);
  }

  override async down(): Promise<void> {
    // The rules that came from the old table go back to it (edits made to them since are lost); rules made as automations stay.
    this.addSql(`do $$
begin
  if to_regclass('whatsapp_auto_reply_rule_migrated') is null or to_regclass('whatsapp_auto_reply_rule') is not null then
    return;
  end if;
  delete from "whatsapp_automation_rule" where "id" in (select "id" from "whatsapp_auto_reply_rule_migrated");
  alter table "whatsapp_auto_reply_rule_migrated" rename to "whatsapp_auto_reply_rule";
end $$;`);
    this.addSql(`alter table if exists "whatsapp_automation_rule" drop column if exists "priority";`);
  }

}
