import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import fs from "node:fs"
import path from "node:path"
import { createAdminHeaders } from "../helpers/admin"
import { NO_AUTO_REPLY, postWebhook, TEST_ACCOUNT, waitFor } from "../helpers/whatsapp"

/**
 * The conformance corpus: webhook bodies written by other projects and by
 * Meta's documentation (integration-tests/fixtures/meta-webhooks, each with
 * its source in the README), signed and posted through the real webhook.
 * Only routing is rewritten (their phone_number_id and WABA id become the
 * test account's); every other byte is theirs. For each body the spec reads
 * back what became of it and checks it against what its kind must become.
 */
const FIXTURES = path.join(__dirname, "../fixtures/meta-webhooks")
const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts")
type Fixture = { file: string; source: string; kind: string; also?: string[]; field: string; message_type: string | string[] | null }
const index: Fixture[] = JSON.parse(fs.readFileSync(path.join(FIXTURES, "index.json"), "utf8"))

type Obj = Record<string, any>
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v)

/** The body with routing pointed at the test account; nothing else changes. */
function routed(body: Obj): Obj {
  const copy = JSON.parse(JSON.stringify(body))
  for (const entry of copy.entry ?? []) {
    entry.id = TEST_ACCOUNT.waba_id
    for (const change of entry.changes ?? []) {
      if (isObj(change.value?.metadata)) change.value.metadata.phone_number_id = TEST_ACCOUNT.phone_number_id
    }
  }
  return copy
}

const valuesOf = (body: Obj): Obj[] => (body.entry ?? []).flatMap((e: Obj) => (e.changes ?? []).map((c: Obj) => c.value).filter(isObj))
const messagesOf = (body: Obj): Obj[] => valuesOf(body).flatMap((v) => (Array.isArray(v.messages) ? v.messages : []))
const echoesOf = (body: Obj): Obj[] => valuesOf(body).flatMap((v) => (Array.isArray(v.message_echoes) ? v.message_echoes : []))
const statusesOf = (body: Obj): Obj[] => valuesOf(body).flatMap((v) => (Array.isArray(v.statuses) ? v.statuses : []))

/** "github.com/david-lev/pywa" or "Meta: Business-scoped user IDs", for the table. */
const shortSource = (source: string) => {
  const meta = /^Meta doc "([^"]+)"/.exec(source)
  return meta ? `Meta: ${meta[1]}` : /^Meta doc/.test(source) ? "Meta docs" : source.split(" · ")[0]
}

/** Statuses in the order Meta may move a message through them. */
const STATUS_RANK: Record<string, number> = { sent: 1, delivered: 2, read: 3, played: 4, failed: 5 }

medusaIntegrationTestRunner({
  cwd: path.join(__dirname, "../host"),
  medusaConfigFile: path.join(__dirname, "../host"),
  testSuite: ({ api, getContainer, dbConnection }) => {
    const rows = async (sql: string, params: unknown[] = []) => (await dbConnection.raw(sql, params)).rows

    type Check = { outcome: string; problem?: string }
    const first = async (sql: string, params: unknown[]) => (await rows(sql, params))[0]

    /** The effects a body's kinds must have: read back from the database, one line each. */
    async function kindChecks(body: Obj): Promise<Check[]> {
      const checks: Check[] = []
      const judge = (ok: boolean, outcome: string, problem: string) => checks.push(ok ? { outcome } : { outcome: `FAILED: ${problem}`, problem })
      for (const message of messagesOf(body)) {
        const id = String(message.id ?? "")
        const row = await first(
          `select m.*, c.wa_id as c_wa_id, c.user_id as c_user_id, c.first_referral from whatsapp_message m
             join whatsapp_conversation c on c.id = m.conversation_id where m.wamid = ?`,
          [id]
        )
        if (!row) continue
        const type = message.type
        if (type === "edit" || type === "revoke" || type === "reaction") {
          const target = type === "reaction" ? message.reaction?.message_id : message[type]?.original_message_id
          judge(row.target_wamid === (target ?? null), `acts on ${target ?? "nothing"}${row.applied_at ? "" : " (waits for it)"}`, `${type} not tied to ${target}`)
        }
        if (type === "order") {
          // Answered by the inbound work: a Medusa cart, or a refusal the inbox shows.
          const handled = await waitFor(async () => (await first(`select handled_at, handle_error from whatsapp_message where id = ?`, [row.id]))?.handled_at && (await first(`select handle_error, (select count(*)::int from whatsapp_cart w where w.source_message_id = m.id) as carts from whatsapp_message m where m.id = ?`, [row.id])), { what: "the order answered", timeoutMs: 30_000 }).catch(() => null)
          judge(!!handled && (!!handled.handle_error || handled.carts > 0), handled?.handle_error ? `refused: ${handled.handle_error}` : `carts ${handled?.carts ?? 0}`, "order neither answered with a cart nor refused with a reason")
        }
        if (["image", "video", "audio", "document", "sticker"].includes(type)) {
          const mediaId = message[type]?.id
          judge(row.media_id === (mediaId ?? null) && (!mediaId || ["pending", "stored", "failed"].includes(row.media_status)), `media ${row.media_status ?? "none"}`, `media id ${mediaId} not kept for download`)
        }
        if (isObj(message.context) && typeof message.context.id === "string" && type !== "edit") {
          judge(row.reply_to_wamid === message.context.id, "reply linked", `reply to ${message.context.id} not kept`)
        }
        if (message.context?.forwarded || message.context?.frequently_forwarded) {
          judge(row.forwarded === true || row.frequently_forwarded === true, "forwarded", "forwarded flag lost")
        }
        if (isObj(message.referral)) {
          judge(row.referral?.source_id === message.referral.source_id && !!row.first_referral, `referral ${message.referral.source_type ?? ""} kept`, "referral not kept on message and conversation")
        }
        const userId = message.from_user_id ?? valuesOf(body).flatMap((v) => v.contacts ?? []).find((c: Obj) => c.user_id)?.user_id
        if (userId && type !== "system") judge(row.c_user_id === userId, "BSUID kept", `BSUID ${userId} not on the conversation`)
        if (type === "system" && isObj(message.system)) {
          const movedTo = message.system.user_id ?? message.system.wa_id ?? message.system.new_wa_id
          const moved = movedTo && (row.c_wa_id === movedTo || row.c_user_id === movedTo)
          // A placeholder where the new number or BSUID should be moves nothing (the event's note says so).
          const real = typeof movedTo === "string" && (/^\d{6,15}$/.test(movedTo) || /^[A-Z]{2}\.(ENT\.)?[A-Za-z0-9]{1,128}$/.test(movedTo))
          if (!real) judge(!moved, `not moved to placeholder ${movedTo ?? "(none)"}`, `moved to the placeholder ${movedTo}`)
          else judge(!!moved, `conversation now ${movedTo}`, `system ${message.system.type} did not move the conversation to ${movedTo}`)
        }
      }
      for (const status of statusesOf(body)) {
        if (!isObj(status.pricing) || status.status === "failed") continue
        const row = await first(`select pricing_category from whatsapp_message where wamid = ? and direction = 'outbound'`, [String(status.id)])
        judge(row?.pricing_category === status.pricing.category, `pricing ${status.pricing.category}`, `pricing ${status.pricing.category} not kept`)
      }
      for (const entry of body.entry ?? []) {
        for (const change of entry.changes ?? []) {
          const value = change.value ?? {}
          if (change.field === "message_template_status_update") {
            const row = await first(`select status from whatsapp_template_status where name = ? order by event_at desc limit 1`, [String(value.message_template_name)])
            judge(row?.status === value.event, `template ${value.message_template_name} ${row?.status}`, `template status ${value.event} not kept`)
          } else if (["account_update", "phone_number_quality_update", "account_review_update"].includes(change.field)) {
            const row = await first(`select summary from whatsapp_account_event where field = ? and payload = ?::jsonb`, [change.field, JSON.stringify(value)])
            judge(!!row, `account event: ${row?.summary ?? "none"}`, `${change.field} not stored`)
          } else if (change.field === "user_preferences") {
            for (const pref of value.user_preferences ?? []) {
              const row = await first(`select marketing_preference from whatsapp_conversation where wa_id = ? or user_id = ?`, [String(pref.wa_id ?? ""), String(pref.user_id ?? "")])
              const acted = pref.category === "marketing_messages" && ["stop", "resume"].includes(pref.value)
              judge(!acted || row?.marketing_preference === pref.value, `marketing ${row?.marketing_preference ?? "unchanged"}`, `preference ${pref.value} not kept`)
            }
          } else if (change.field === "smb_message_echoes") {
            for (const echo of value.message_echoes ?? []) {
              const row = await first(`select direction, echo from whatsapp_message where wamid = ?`, [String(echo.id)])
              judge(row?.direction === "outbound" && row?.echo === true, "echo stored as sent", "business-app echo not stored as outbound")
            }
          }
        }
      }
      return checks
    }

    it(`gives each of the ${index.length} bodies written by others a stored, visible outcome that fits its kind`, async () => {
      const admin = await createAdminHeaders(getContainer())
      const { data } = await api.post("/admin/whatsapp/accounts", { ...TEST_ACCOUNT, settings: NO_AUTO_REPLY }, admin)
      // A conversation to hold the business's own messages whose statuses the corpus reports.
      const [conversation] = await rows(
        `insert into whatsapp_conversation (id, account_id, wa_id, created_at, updated_at) values ('waconv_conformance', ?, '10000000000', now(), now()) returning id`,
        [data.account.id]
      )
      const table: { file: string; source: string; kind: string; outcome: string }[] = []
      const problems: string[] = []

      for (const fixture of index) {
        const body = routed(JSON.parse(fs.readFileSync(path.join(FIXTURES, fixture.file), "utf8")))
        // The business's messages the statuses talk about exist first, as they would in production,
        // each freshly sent: sources reuse ids across files (and some reuse an incoming message's id).
        for (const status of statusesOf(body)) {
          if (typeof status.id !== "string") continue
          await rows(`delete from whatsapp_message where wamid = ?`, [status.id])
          await rows(
            `insert into whatsapp_message (id, conversation_id, wamid, direction, type, status, created_at, updated_at)
             values ('wamsg_' || md5(random()::text), ?, ?, 'outbound', 'text', 'sending', now(), now())`,
            [conversation.id, status.id]
          )
        }
        // Sources reuse message ids across files (placeholders, Meta's sample ids): each body is judged on its own.
        for (const message of [...messagesOf(body), ...echoesOf(body)]) {
          if (typeof message.id === "string") await rows(`delete from whatsapp_message where wamid = ?`, [message.id])
        }
        const before = await rows(`select coalesce(max(received_at), to_timestamp(0)) as at from whatsapp_webhook_event`)
        const res = await postWebhook(api.defaults.baseURL!, JSON.stringify(body))
        if (res.status !== 200) {
          problems.push(`${fixture.file}: answered ${res.status}`)
          continue
        }
        const [event] = await waitFor(
          async () => {
            const found = await rows(
              `select id, status, last_error from whatsapp_webhook_event where received_at > ? order by received_at desc limit 1`,
              [before[0].at]
            )
            return found.length && ["processed", "ignored", "failed"].includes(found[0].status) && found
          },
          { what: `${fixture.file} processed`, timeoutMs: 30_000 }
        )

        const outcome: string[] = [event.status]
        // Messages: every message with an id is stored (once), whatever its type.
        for (const message of messagesOf(body)) {
          const [stored] = await rows(`select type, direction from whatsapp_message where wamid = ?`, [String(message.id ?? "")])
          outcome.push(stored ? `stored ${stored.direction} ${stored.type}` : `not stored (${message.type})`)
          if (!stored && typeof message.id === "string") problems.push(`${fixture.file}: message ${message.type} not stored (${event.last_error ?? "no note"})`)
          if (stored && stored.type !== (message.type ?? "unknown")) problems.push(`${fixture.file}: a ${message.type} message stored as ${stored.type}`)
        }
        // Statuses: applied to the business's message, never moving it backwards.
        for (const status of statusesOf(body)) {
          const [stored] = await rows(`select status, error_code from whatsapp_message where wamid = ? and direction = 'outbound'`, [String(status.id ?? "")])
          const expected = STATUS_RANK[status.status] ? status.status : null
          outcome.push(`status ${status.status} → ${stored?.status ?? "none"}${stored?.error_code ? ` (${stored.error_code})` : ""}`)
          if (expected && stored?.status !== expected && !(expected === "played" && stored?.status === "read")) {
            problems.push(`${fixture.file}: status ${status.status} left the message ${stored?.status}`)
          }
        }
        // What each kind must become, beyond being stored.
        const checks = await kindChecks(body)
        for (const check of checks) {
          outcome.push(check.outcome)
          if (check.problem) problems.push(`${fixture.file}: ${check.problem}`)
        }
        if (event.last_error) outcome.push(`note: ${event.last_error}`)
        // Nothing acknowledged disappears: a body that stored nothing must say why.
        const storedSomething = checks.length > 0 || outcome.some((o) => o.startsWith("stored") || o.startsWith("status"))
        if (!storedSomething && !event.last_error) problems.push(`${fixture.file}: ${event.status} without a record or a note`)
        table.push({ file: fixture.file, source: shortSource(fixture.source), kind: fixture.kind, outcome: outcome.join("; ") })
      }

      fs.mkdirSync(ARTIFACTS, { recursive: true })
      fs.writeFileSync(
        path.join(ARTIFACTS, "webhook-conformance.md"),
        ["| file | source | kind | outcome |", "| --- | --- | --- | --- |", ...table.map((r) => `| ${r.file} | ${r.source} | ${r.kind} | ${r.outcome.replace(/\|/g, "\\|")} |`)].join("\n") + "\n"
      )
      expect(problems).toEqual([])
      expect(table).toHaveLength(index.length)
    }, 600_000)
  },
})
