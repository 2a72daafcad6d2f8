import { generateEntityId } from "@medusajs/framework/utils"
import type { AutomationActionResult, AutomationRule, AutomationRun, AutomationTriggerType } from "../../../types/http/automations"
import type { SqlRunner } from "./ingest"
import { claimOnInsert } from "../work-queue"

const RULE_COLUMNS = `id, name, enabled, account_id, priority, trigger, conditions, delay_minutes, actions, created_at, updated_at`

export function toRule(row: any): AutomationRule {
  return {
    id: row.id,
    name: row.name,
    enabled: row.enabled,
    account_id: row.account_id ?? null,
    priority: row.priority ?? 0,
    trigger: row.trigger,
    conditions: row.conditions ?? [],
    delay_minutes: row.delay_minutes ?? 0,
    actions: row.actions ?? [],
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
  }
}

export function toRun(row: any): AutomationRun {
  const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null)
  return {
    id: row.id,
    rule_id: row.rule_id,
    trigger_type: row.trigger_type,
    trigger_key: row.trigger_key,
    account_id: row.account_id ?? null,
    conversation_id: row.conversation_id ?? null,
    status: row.status,
    due_at: iso(row.due_at)!,
    attempts: row.attempts,
    results: row.results ?? [],
    error: row.error ?? null,
    created_at: iso(row.created_at)!,
    finished_at: iso(row.finished_at),
  }
}

/** Enabled rules of one trigger type, every account's, highest priority first. */
export async function rulesForTrigger(db: SqlRunner, type: AutomationTriggerType): Promise<AutomationRule[]> {
  const rows = await db.execute(
    `select ${RULE_COLUMNS} from whatsapp_automation_rule
      where trigger_type = ? and enabled and deleted_at is null
      order by priority desc, created_at, id`,
    [type]
  )
  return rows.map(toRule)
}

export type RunInsert = {
  rule_id: string
  trigger_type: AutomationTriggerType
  trigger_key: string
  account_id: string | null
  conversation_id: string | null
  event: unknown
  delay_minutes: number
}

export type BookedRuns<T> = {
  /** Every run new this time. */
  ids: string[]
  /** Those due now and claimed with the insert (`claim`), in the shape the automation lane claims them. */
  claimed: T[]
}

/**
 * Inserts one run per (rule, event key); a key already seen, whatever
 * became of its run, inserts nothing. With `claim`, runs due now are
 * inserted claimed (running, first attempt, leased) and returned with their
 * rule and conversation: book and claim in one round trip, for the booking
 * process to run them at once.
 */
export async function insertRuns<T = Record<string, any>>(db: SqlRunner, runs: RunInsert[], now: Date | null = null, claim = false): Promise<BookedRuns<T>> {
  if (!runs.length) return { ids: [], claimed: [] }
  const { lease, select } = claimOnInsert("automation_run")
  // A VALUES list, not jsonb_to_recordset: the planner then knows how few rows
  // come back and joins them by primary key instead of hashing whole tables.
  const values = runs.map(() => "(?, ?, ?, ?, ?, ?, ?::jsonb, ?::int)").join(", ")
  const params = runs.flatMap((r) => [
    generateEntityId("", "waarun"),
    r.rule_id,
    r.trigger_type,
    r.trigger_key,
    r.account_id,
    r.conversation_id,
    JSON.stringify(r.event),
    r.delay_minutes,
  ])
  const inserted = await db.execute(
    `with claimed as (
       insert into whatsapp_automation_run (id, rule_id, trigger_type, trigger_key, account_id, conversation_id, event, results, due_at, status, attempts, locked_until)
       select r.id, r.rule_id, r.trigger_type, r.trigger_key, r.account_id, r.conversation_id, r.event, '[]'::jsonb, t.due_at,
              case when d.now_claimed then 'running' else 'waiting' end, case when d.now_claimed then 1 else 0 end,
              case when d.now_claimed then ${lease} end
         from (values ${values}) as r(id, rule_id, trigger_type, trigger_key, account_id, conversation_id, event, delay_minutes)
        cross join lateral (select coalesce(?::timestamptz, now()) + (r.delay_minutes * interval '1 minute') as due_at) t
        cross join lateral (select ?::boolean and t.due_at <= now() as now_claimed) d
       on conflict (rule_id, trigger_key) do nothing
       returning id, rule_id, trigger_key, conversation_id, event, results, attempts)
     select ${select}`,
    [...params, now ? now.toISOString() : null, claim]
  )
  return { ids: inserted.map((r: { id: string }) => r.id), claimed: inserted.filter((r: { attempts: number }) => r.attempts > 0) as T[] }
}

/** Records the action results so far (a crash after this never repeats what they say is done). */
export async function saveRunResults(db: SqlRunner, id: string, results: AutomationActionResult[]) {
  await db.execute(`update whatsapp_automation_run set results = ?::jsonb, updated_at = now() where id = ?`, [JSON.stringify(results), id])
}

/** Closes a run with its outcome and frees its lease. */
export async function finishRun(
  db: SqlRunner,
  id: string,
  outcome: { status: "succeeded" | "partial" | "failed" | "skipped"; results: AutomationActionResult[]; error: string | null }
) {
  await db.execute(
    `update whatsapp_automation_run set status = ?, results = ?::jsonb, error = ?, finished_at = now(), locked_until = null, updated_at = now() where id = ?`,
    [outcome.status, JSON.stringify(outcome.results), outcome.error, id]
  )
}

export async function listRuns(db: SqlRunner, ruleId: string, limit: number, offset: number): Promise<{ runs: AutomationRun[]; count: number }> {
  const [rows, [{ count }]] = await Promise.all([
    db.execute(
      `select * from whatsapp_automation_run where rule_id = ? and deleted_at is null order by created_at desc, id desc limit ? offset ?`,
      [ruleId, limit, offset]
    ),
    db.execute(`select count(*)::int as count from whatsapp_automation_run where rule_id = ? and deleted_at is null`, [ruleId]),
  ])
  return { runs: rows.map(toRun), count }
}

/** The newest run of each rule. */
export async function lastRuns(db: SqlRunner, ruleIds: string[]): Promise<Map<string, AutomationRun>> {
  if (!ruleIds.length) return new Map()
  const rows = await db.execute(
    `select distinct on (rule_id) * from whatsapp_automation_run
      where rule_id in (select jsonb_array_elements_text(?::jsonb)) and deleted_at is null
      order by rule_id, created_at desc, id desc`,
    [JSON.stringify(ruleIds)]
  )
  return new Map(rows.map((r: any) => [r.rule_id, toRun(r)]))
}

/** Adds a tag once; returns whether it was new. */
export async function addConversationTag(db: SqlRunner, conversationId: string, tag: string): Promise<boolean> {
  const rows = await db.execute(
    `update whatsapp_conversation set tags = coalesce(tags, '[]'::jsonb) || jsonb_build_array(?::text), updated_at = now()
      where id = ? and not coalesce(tags, '[]'::jsonb) @> jsonb_build_array(?::text) returning id`,
    [tag, conversationId, tag]
  )
  return rows.length > 0
}

export type AutomationConversation = {
  id: string
  account_id: string
  customer_id: string | null
  language: string | null
  profile_name: string | null
  last_inbound_at: Date | null
  opted_out: boolean
  tags: string[]
  /** Set while a person has the conversation: automatic answers wait. */
  handoff_at: Date | string | null
}

export async function automationConversation(db: SqlRunner, id: string): Promise<AutomationConversation | null> {
  const [row] = await db.execute(
    `select id, account_id, customer_id, language, profile_name, last_inbound_at, opted_out, coalesce(tags, '[]'::jsonb) as tags, handoff_at
       from whatsapp_conversation where id = ? and deleted_at is null`,
    [id]
  )
  return row ?? null
}

export type AutomationCart = { id: string; account_id: string; conversation_id: string; cart_id: string | null; customer_id: string | null; order_id: string | null; checkout_expires_at: Date | null }

/** The WhatsApp cart by its own id, or by the Medusa order it became. */
export async function automationCart(db: SqlRunner, by: { id?: string | null; order_id?: string | null }): Promise<AutomationCart | null> {
  const column = by.id ? "id" : "order_id"
  const value = by.id ?? by.order_id
  if (!value) return null
  const [row] = await db.execute(
    `select id, account_id, conversation_id, cart_id, customer_id, order_id, checkout_expires_at from whatsapp_cart where ${column} = ? and deleted_at is null order by created_at desc limit 1`,
    [value]
  )
  return row ?? null
}

/** One rule (deleted ones excluded), read without the ORM: the engine reads it once per run. */
export async function ruleById(db: SqlRunner, id: string): Promise<AutomationRule | null> {
  const [row] = await db.execute(`select ${RULE_COLUMNS} from whatsapp_automation_rule where id = ? and deleted_at is null`, [id])
  return row ? toRule(row) : null
}

/** The account's name, for {{store_name}}. */
export async function accountName(db: SqlRunner, id: string): Promise<string | null> {
  const [row] = await db.execute(`select name from whatsapp_account where id = ? and deleted_at is null`, [id])
  return row?.name ?? null
}

/** Rules with a webhook action whose secret is not sealed (saved before secrets were). */
export async function rulesWithClearWebhookSecrets(db: SqlRunner): Promise<{ id: string; actions: AutomationRule["actions"] }[]> {
  return db.execute(
    `select id, actions from whatsapp_automation_rule
      where exists (select 1 from jsonb_array_elements(actions) a where a->>'type' = 'webhook' and a->>'secret' !~ '^v[12]\\.')`
  )
}

export async function saveRuleActions(db: SqlRunner, id: string, actions: AutomationRule["actions"]) {
  await db.execute(`update whatsapp_automation_rule set actions = ?::jsonb, updated_at = now() where id = ?`, [JSON.stringify(actions), id])
}
