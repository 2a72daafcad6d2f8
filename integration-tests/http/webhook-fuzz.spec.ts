import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import path from "node:path"
import { createAdminHeaders } from "../helpers/admin"
import { envelope, inParallel, NO_AUTO_REPLY, requestOnce, sign, TEST_ACCOUNT, waitFor } from "../helpers/whatsapp"

/**
 * 1,000 signed POSTs of random Unicode (controls and NUL, lone surrogates as
 * JSON escapes, RTL marks, emoji, 4-byte characters, ~1 MB strings, hundreds
 * of levels of nesting, bytes that are not JSON) mixed with ordinary ones.
 * Every message must be stored exactly once (its text made storable), every
 * event must reach a final state within the attempt cap, nothing held back.
 * Reproduce a failure with FUZZ_SEED=<seed printed in the failure>.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 16_0316)
const BODIES = 1000
const MAX_ATTEMPTS = 10
const cwd = path.join(__dirname, "../host")

/** mulberry32: a tiny seeded PRNG, so a run can be replayed exactly. */
function prng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const POOLS = [
  "abcdefghijklmnopqrstuvwxyz ABC 0123456789 .,;:!?\"'\\/{}[]<>",
  "\u0000\u0001\u0002\u0007\b\t\n\u000b\f\r\u001b\u001f\u007f\u0080\u0085\u009f",
  "\ud800\udbff\udc00\udfff", // halves, usually left lone by the picker
  "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c",
  "áéíóúñçãõüß مرحبا שלום 你好 こんにちは Привет ₹€£",
  "\u2028\u2029\ufeff\ufffe\uffff\u00ad\u034f\u200b\u200d",
]
const FOUR_BYTE = ["👋", "👋🏽", "🇪🇸", "🧡", "𝕏", "𐍈", "😀", "👨‍👩‍👧‍👦", "🀄", "\u{10FFFD}"]

/** What PostgreSQL can store, computed independently of the plugin: NUL and unpaired surrogates become U+FFFD. */
function expectedStored(text: string) {
  let out = ""
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const high = c >= 0xd800 && c <= 0xdbff
    const next = text.charCodeAt(i + 1)
    if (high && next >= 0xdc00 && next <= 0xdfff) {
      out += text[i] + text[i + 1]
      i++
    } else if (c === 0 || (c >= 0xd800 && c <= 0xdfff)) {
      out += "\ufffd"
    } else {
      out += text[i]
    }
  }
  return out
}

type Post = { raw: Buffer; wamids: string[]; texts: string[]; malformed: boolean; kind: string }

function generate(seed: number): Post[] {
  const rnd = prng(seed)
  const int = (n: number) => Math.floor(rnd() * n)
  const pick = <T>(items: readonly T[]) => items[int(items.length)]
  const text = (max: number) => {
    let s = "t" // never empty: an empty body is not a text
    const length = 1 + int(max)
    while (s.length < length) s += rnd() < 0.15 ? pick(FOUR_BYTE) : pick(POOLS)[int(pick(POOLS).length)] ?? "x"
    return s
  }
  const huge = () => "x".repeat(1_000_000) + text(40) // ~1 MB, a few unstorable characters at the end
  const deep = (depth: number, leaf: unknown): unknown => {
    let node = leaf
    for (let i = 0; i < depth; i++) node = rnd() < 0.5 ? [node] : { [text(4)]: node }
    return node
  }
  let counter = 0
  const message = (t: string, extra: Record<string, unknown> = {}) => ({
    from: `3469${String(int(1e7)).padStart(7, "0")}`,
    id: `wamid.FUZZ${seed}.${counter++}`,
    timestamp: String(1_760_000_000 + int(1e6)),
    type: "text",
    text: { body: t },
    ...extra,
  })
  const signedJson = (payload: unknown) => Buffer.from(JSON.stringify(payload))

  const posts: Post[] = []
  let hugeLeft = 5
  for (let i = 0; i < BODIES; i++) {
    const roll = rnd()
    if (roll < 0.55) {
      const n = 1 + int(3)
      const texts = Array.from({ length: n }, () => (hugeLeft > 0 && rnd() < 0.01 ? (hugeLeft--, huge()) : text(80)))
      const messages = texts.map((t) => message(t))
      const payload = envelope({ contacts: [{ profile: { name: text(20) }, wa_id: messages[0].from }], messages })
      posts.push({ raw: signedJson(payload), wamids: messages.map((m) => m.id), texts, malformed: false, kind: "messages" })
    } else if (roll < 0.65) {
      // A valid message whose extra fields nest a few hundred levels deep.
      const t = text(40)
      const m = message(t, { context: deep(200 + int(200), text(10)) })
      posts.push({ raw: signedJson(envelope({ messages: [m] })), wamids: [m.id], texts: [t], malformed: false, kind: "deep message" })
    } else if (roll < 0.75) {
      // Redelivery of an earlier body: its messages must still be stored once.
      const earlier = posts.filter((p) => p.wamids.length)
      const again = earlier.length ? pick(earlier) : null
      if (again) posts.push({ ...again, wamids: [], texts: [], kind: "duplicate" })
      else i--
    } else if (roll < 0.85) {
      // Random JSON that is not a message: deep, huge keys, unstorable characters everywhere.
      const junk = { [text(10)]: deep(100 + int(700), text(200)), object: rnd() < 0.5 ? "whatsapp_business_account" : text(5), entry: rnd() < 0.5 ? [deep(50, text(30))] : text(30) }
      posts.push({ raw: signedJson(junk), wamids: [], texts: [], malformed: false, kind: "junk json" })
    } else if (roll < 0.93) {
      // A Meta envelope whose messages and statuses are garbage.
      const payload = envelope({ messages: [deep(int(300), text(30)), { id: text(5) }], statuses: [{ id: text(8), status: text(3) }] })
      posts.push({ raw: signedJson(payload), wamids: [], texts: [], malformed: false, kind: "odd envelope" })
    } else {
      // Signed bytes that are not JSON: truncated JSON, raw NUL bytes, invalid UTF-8.
      const bytes = Buffer.concat([Buffer.from(`{"object":"whatsapp_business_account","entry":[{"x":"${"y".repeat(int(50))}`), Buffer.from(Array.from({ length: 1 + int(20) }, () => int(256)))])
      posts.push({ raw: bytes, wamids: [], texts: [], malformed: true, kind: "not json" })
    }
  }
  return posts
}

// Generous bounds: this spec checks what becomes of each body, not how fast a loaded machine gets there.
jest.setTimeout(600_000)

medusaIntegrationTestRunner({
  cwd,
  medusaConfigFile: cwd,
  testSuite: ({ api, getContainer, dbConnection }) => {
    const rows = async (sql: string, params: unknown[] = []) => (await dbConnection.raw(sql, params)).rows

    it(`stores every valid message once and brings every event to a final state (FUZZ_SEED=${SEED})`, async () => {
      const admin = await createAdminHeaders(getContainer())
      await api.post("/admin/whatsapp/accounts", { ...TEST_ACCOUNT, settings: NO_AUTO_REPLY }, admin)
      const baseUrl = api.defaults.baseURL!
      const posts = generate(SEED)

      const statuses = await inParallel(posts, 8, async (post) => {
        const res = await requestOnce(`${baseUrl}/whatsapp/webhook`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-hub-signature-256": sign(post.raw) },
          body: post.raw,
        })
        return res.status
      })
      const problems: string[] = []
      statuses.forEach((status, i) => status !== 200 && problems.push(`POST ${i} (${posts[i].kind}) answered ${status}`))

      const events = await waitFor(async () => {
        const r = await rows(`select id, status, attempts, next_attempt_at, last_error from whatsapp_webhook_event`)
        const settled = r.length === BODIES && r.every((e: any) => e.status !== "pending" && !(e.status === "failed" && e.next_attempt_at))
        return settled ? r : null
      }, { what: `every event final (FUZZ_SEED=${SEED})`, timeoutMs: 450_000, intervalMs: 500 })

      for (const e of events) {
        if (e.attempts > MAX_ATTEMPTS) problems.push(`event ${e.id} took ${e.attempts} attempts`)
        if (!["processed", "ignored", "failed"].includes(e.status)) problems.push(`event ${e.id} is ${e.status}`)
        if (e.last_error && (e.last_error.length > 500 || e.last_error.includes("insert") || e.last_error.includes("\ufffd"))) {
          problems.push(`event ${e.id} stored an unbounded or content-bearing error: ${e.last_error.slice(0, 80)}`)
        }
      }
      const failed = events.filter((e: any) => e.status === "failed").length
      const malformed = posts.filter((p) => p.malformed).length
      if (failed !== malformed) problems.push(`${failed} events failed, expected only the ${malformed} non-JSON bodies`)

      const expected = new Map<string, string>()
      for (const post of posts) post.wamids.forEach((id, i) => expected.set(id, expectedStored(post.texts[i])))
      const stored = await rows(`select wamid, text, count(*) over (partition by wamid)::int as copies from whatsapp_message`)
      if (stored.length !== expected.size) problems.push(`${stored.length} messages stored, expected ${expected.size}`)
      for (const row of stored) {
        if (row.copies !== 1) problems.push(`${row.wamid} stored ${row.copies} times`)
        if (!expected.has(row.wamid)) problems.push(`${row.wamid} was never sent`)
        else if (row.text !== expected.get(row.wamid)) problems.push(`${row.wamid} text differs`)
      }
      for (const id of expected.keys()) if (!stored.some((r: any) => r.wamid === id)) problems.push(`${id} not stored`)

      expect({ seed: SEED, problems: problems.slice(0, 30) }).toEqual({ seed: SEED, problems: [] })
    })
  },
})
