import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The team inbox: assignment, open/closed status, internal notes, canned
 * replies, indexed search (pg_trgm, a trusted extension since PostgreSQL 13)
 * and the changed-since cursor.
 *
 * `change_xid` holds the id of the last transaction that wrote the
 * conversation (a trigger keeps it, whoever writes: the ORM or raw SQL). A
 * new message or note touches its conversation through triggers too. The
 * inbox asks for rows with `change_xid >=` the oldest transaction still
 * running when it last asked (sql/conversation-changes): an index range scan
 * that never misses a transaction which committed late.
 */
export class Migration20261221030000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create extension if not exists pg_trgm;`);

    this.addSql(`alter table if exists "whatsapp_conversation" add column if not exists "assigned_to_id" text null, add column if not exists "assigned_at" timestamptz null, add column if not exists "status" text check ("status" in ('open', 'closed')) not null default 'open', add column if not exists "closed_at" timestamptz null, add column if not exists "change_xid" xid8 null;`);
    this.addSql(`create index if not exists "IDX_whatsapp_conversation_assigned_to_id" on "whatsapp_conversation" ("assigned_to_id") where deleted_at is null;`);
    this.addSql(`create index if not exists "IDX_whatsapp_conversation_change_xid" on "whatsapp_conversation" ("change_xid");`);
    // One trigram index over everything a person types to find a customer (sql/conversations SEARCH_DOCUMENT, same text).
    this.addSql(`create index if not exists "IDX_whatsapp_conversation_search_trgm" on "whatsapp_conversation" using gin ((coalesce(profile_name, '') || ' ' || coalesce(username, '') || ' ' || coalesce(wa_id, '') || ' ' || coalesce(user_id, '') || ' ' || coalesce(parent_user_id, '')) gin_trgm_ops) where deleted_at is null;`);
    this.addSql(`create index if not exists "IDX_whatsapp_conversation_former_identities" on "whatsapp_conversation" using gin ("former_identities" jsonb_path_ops) where deleted_at is null;`);
    this.addSql(`create index if not exists "IDX_whatsapp_message_text_trgm" on "whatsapp_message" using gin ("text" gin_trgm_ops) where deleted_at is null and text is not null;`);

    this.addSql(`create or replace function whatsapp_conversation_stamp_change() returns trigger language plpgsql as $$
begin
  new.change_xid := pg_current_xact_id();
  return new;
end $$;`);
    this.addSql(`drop trigger if exists whatsapp_conversation_stamp_change on "whatsapp_conversation";`);
    this.addSql(`create trigger whatsapp_conversation_stamp_change before insert or update on "whatsapp_conversation" for each row execute function whatsapp_conversation_stamp_change();`);
    // A message or note changes what the inbox shows of its conversation; touched once per transaction.
    this.addSql(`create or replace function whatsapp_conversation_touch_parent() returns trigger language plpgsql as $$
begin
  update whatsapp_conversation set updated_at = now()
   where id = new.conversation_id and change_xid is distinct from pg_current_xact_id();
  return null;
end $$;`);
    this.addSql(`drop trigger if exists whatsapp_message_touch_conversation on "whatsapp_message";`);
    this.addSql(`create trigger whatsapp_message_touch_conversation after insert on "whatsapp_message" for each row execute function whatsapp_conversation_touch_parent();`);

    this.addSql(`create table if not exists "whatsapp_conversation_note" ("id" text not null, "conversation_id" text not null, "author_id" text not null, "text" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "whatsapp_conversation_note_pkey" primary key ("id"));`);
    this.addSql(`create index if not exists "IDX_whatsapp_conversation_note_deleted_at" on "whatsapp_conversation_note" ("deleted_at") where deleted_at is null;`);
    this.addSql(`create index if not exists "IDX_whatsapp_conversation_note_conversation_id_created_at" on "whatsapp_conversation_note" ("conversation_id", "created_at") where deleted_at is null;`);
    this.addSql(`drop trigger if exists whatsapp_conversation_note_touch_conversation on "whatsapp_conversation_note";`);
    this.addSql(`create trigger whatsapp_conversation_note_touch_conversation after insert or update on "whatsapp_conversation_note" for each row execute function whatsapp_conversation_touch_parent();`);

    this.addSql(`create table if not exists "whatsapp_canned_reply" ("id" text not null, "title" text not null, "text" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "whatsapp_canned_reply_pkey" primary key ("id"));`);
    this.addSql(`create index if not exists "IDX_whatsapp_canned_reply_deleted_at" on "whatsapp_canned_reply" ("deleted_at") where deleted_at is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists whatsapp_conversation_note_touch_conversation on "whatsapp_conversation_note";`);
    this.addSql(`drop trigger if exists whatsapp_message_touch_conversation on "whatsapp_message";`);
    this.addSql(`drop trigger if exists whatsapp_conversation_stamp_change on "whatsapp_conversation";`);
    this.addSql(`drop function if exists whatsapp_conversation_touch_parent();`);
    this.addSql(`drop function if exists whatsapp_conversation_stamp_change();`);
    this.addSql(`drop table if exists "whatsapp_canned_reply" cascade;`);
    this.addSql(`drop table if exists "whatsapp_conversation_note" cascade;`);
    this.addSql(`drop index if exists "IDX_whatsapp_message_text_trgm";`);
    this.addSql(`drop index if exists "IDX_whatsapp_conversation_search_trgm";`);
    this.addSql(`drop index if exists "IDX_whatsapp_conversation_former_identities";`);
    this.addSql(`alter table if exists "whatsapp_conversation" drop column if exists "assigned_to_id", drop column if exists "assigned_at", drop column if exists "status", drop column if exists "closed_at", drop column if exists "change_xid";`);
  }

}
