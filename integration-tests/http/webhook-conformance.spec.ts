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
        // Sources reuse message ids across files: each body is judged on its own.
        for (const message of messagesOf(body)) {
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
        if (event.last_error) outcome.push(`note: ${event.last_error}`)
        // Nothing acknowledged disappears: a body that stored nothing must say why.
        const storedSomething = outcome.some((o) => o.startsWith("stored") || o.startsWith("status"))
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
