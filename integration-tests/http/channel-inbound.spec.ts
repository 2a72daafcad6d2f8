import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import path from "node:path"
import { createAdminHeaders } from "../helpers/admin"
import {
  envelope,
  inParallel,
  postWebhook,
  sign,
  statusPayload,
  TEST_ACCOUNT,
  NO_AUTO_REPLY,
  textPayload,
  VERIFY_TOKEN,
  waitFor,
  wamid,
} from "../helpers/whatsapp"

const cwd = path.join(__dirname, "../host")
const built = path.resolve(__dirname, "../../.medusa/server/src")

medusaIntegrationTestRunner({
  cwd,
  medusaConfigFile: cwd,
  testSuite: ({ api, getContainer, dbConnection }) => {
    let admin: { headers: Record<string, string> }
    let baseUrl: string
    let accountId: string
    const received: any[] = []

    const rows = async (sql: string, params: unknown[] = []) => (await dbConnection.raw(sql, params)).rows

    beforeAll(() => {
      // Count processing effects the way a merchant's subscriber would see them.
      getContainer()
        .resolve(Modules.EVENT_BUS)
        .subscribe("whatsapp.message.received", async (event: any) => {
          received.push(event.data)
        }, { subscriberId: "test-count-received" })
    })

    beforeEach(async () => {
      received.length = 0
      baseUrl = api.defaults.baseURL!
      admin = await createAdminHeaders(getContainer())
      const { data } = await api.post("/admin/whatsapp/accounts", { ...TEST_ACCOUNT, settings: NO_AUTO_REPLY }, admin)
      accountId = data.account.id
    })

    describe("verification handshake", () => {
      it("echoes the challenge for the right token as plain text", async () => {
        const res = await fetch(
          `${baseUrl}/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`
        )
        expect(res.status).toBe(200)
        expect(res.headers.get("content-type")).toContain("text/plain")
        // The challenge is caller input echoed back: no browser may sniff it into HTML.
        expect(res.headers.get("x-content-type-options")).toBe("nosniff")
        expect(await res.text()).toBe("1158201444")
      })

      it("refuses a wrong token or mode with 403", async () => {
        const wrong = await fetch(`${baseUrl}/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`)
        expect(wrong.status).toBe(403)
        expect(wrong.headers.get("x-content-type-options")).toBe("nosniff")
        const mode = await fetch(`${baseUrl}/whatsapp/webhook?hub.mode=unsubscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1`)
        expect(mode.status).toBe(403)
      })
    })

    describe("signature", () => {
      it("rejects 1000 tampered, unsigned, malformed or wrong-secret POSTs with 401 and no side effect", async () => {
        const kinds = ["tampered", "unsigned", "wrong-secret", "malformed-header", "truncated"] as const
        const statuses = await inParallel(Array.from({ length: 1000 }, (_, i) => i), 25, async (i) => {
          const payload = textPayload({ from: `3460000${String(i).padStart(4, "0")}`, text: `hola ${i}` })
          const raw = JSON.stringify(payload)
          switch (kinds[i % kinds.length]) {
            case "tampered":
              return (await postWebhook(baseUrl, raw.replace("hola", "HOLA"), { signature: sign(raw) })).status
            case "unsigned":
              return (await postWebhook(baseUrl, raw, { signature: null })).status
            case "wrong-secret":
              return (await postWebhook(baseUrl, raw, { secret: "not-the-app-secret" })).status
            case "malformed-header":
              return (await postWebhook(baseUrl, raw, { signature: sign(raw).replace("sha256=", "sha1=") })).status
            case "truncated":
              return (await postWebhook(baseUrl, raw, { signature: sign(raw).slice(0, 40) })).status
          }
        })
        expect(statuses.every((s) => s === 401)).toBe(true)
        expect(statuses).toHaveLength(1000)
        const [{ count: events }] = await rows(`select count(*)::int as count from whatsapp_webhook_event`)
        const [{ count: messages }] = await rows(`select count(*)::int as count from whatsapp_message`)
        expect(events).toBe(0)
        expect(messages).toBe(0)
      })

      it("accepts the account's own app secret", async () => {
        await api.post(`/admin/whatsapp/accounts/${accountId}`, { app_secret: "account-own-secret" }, admin)
        const res = await postWebhook(baseUrl, textPayload({ from: "34600000002", text: "hi" }), { secret: "account-own-secret" })
        expect(res.status).toBe(200)
      })

      describe("one secret per account", () => {
        const B = { ...TEST_ACCOUNT, name: "Tienda B", waba_id: "200000000000011", phone_number_id: "200000000000012", access_token: "test-access-token-0002" }
        const B_SECRET = "account-b-own-secret"
        const twoAccounts = (textA: string, textB: string) => {
          const a = textPayload({ from: "34600000031", text: textA })
          const b = textPayload({ from: "34600000032", text: textB, phoneNumberId: B.phone_number_id })
          return { ...a, entry: [...a.entry, ...b.entry] }
        }

        beforeEach(async () => {
          await api.post("/admin/whatsapp/accounts", { ...B, app_secret: B_SECRET, settings: NO_AUTO_REPLY }, admin)
        })

        it("refuses a body naming A and B signed with B's secret: A's message is not stored", async () => {
          const res = await postWebhook(baseUrl, twoAccounts("for A, signed by B", "for B"), { secret: B_SECRET })
          expect(res.status).toBe(401)
          expect(JSON.parse(res.body).message).toContain("every account")
          // Nor with the plugin secret, which is A's: the body mixes two apps.
          expect((await postWebhook(baseUrl, twoAccounts("for A", "for B, signed by A"))).status).toBe(401)
          expect((await rows(`select count(*)::int c from whatsapp_webhook_event`))[0].c).toBe(0)
          expect((await rows(`select count(*)::int c from whatsapp_message`))[0].c).toBe(0)
        })

        it("refuses a body for B signed with the plugin secret, as B has its own", async () => {
          const res = await postWebhook(baseUrl, textPayload({ from: "34600000033", text: "B via plugin secret", phoneNumberId: B.phone_number_id }))
          expect(res.status).toBe(401)
          expect((await rows(`select count(*)::int c from whatsapp_webhook_event`))[0].c).toBe(0)
        })

        it("accepts each account's body signed with its own secret (the plugin's for A, which has none)", async () => {
          const forA = textPayload({ from: "34600000034", text: "to A" })
          const forB = textPayload({ from: "34600000035", text: "to B", phoneNumberId: B.phone_number_id })
          expect((await postWebhook(baseUrl, forA)).status).toBe(200)
          expect((await postWebhook(baseUrl, forB, { secret: B_SECRET })).status).toBe(200)
          const stored = await waitFor(async () => {
            const r = await rows(`select m.text, a.phone_number_id from whatsapp_message m
              join whatsapp_conversation c on c.id = m.conversation_id join whatsapp_account a on a.id = c.account_id order by m.text`)
            return r.length === 2 ? r : null
          }, { what: "both messages" })
          expect(stored).toEqual([
            { text: "to A", phone_number_id: TEST_ACCOUNT.phone_number_id },
            { text: "to B", phone_number_id: B.phone_number_id },
          ])
        })
      })

      it("answers webhook POSTs with X-Content-Type-Options: nosniff, accepted or not", async () => {
        const raw = JSON.stringify(textPayload({ from: "34600000036", text: "hi" }))
        for (const signature of [sign(raw), null, "sha256=00"]) {
          const res = await fetch(`${baseUrl}/whatsapp/webhook`, {
            method: "POST",
            headers: { "content-type": "application/json", ...(signature ? { "x-hub-signature-256": signature } : {}) },
            body: raw,
          })
          expect([200, 401]).toContain(res.status)
          expect(res.headers.get("x-content-type-options")).toBe("nosniff")
        }
      })

      it("refuses bodies over 3 MB and accepts one just under", async () => {
        const big = JSON.stringify({ object: "whatsapp_business_account", entry: [], pad: "x".repeat(3 * 1024 * 1024) })
        expect((await postWebhook(baseUrl, big)).status).toBe(413)
        const under = JSON.stringify({ object: "whatsapp_business_account", entry: [], pad: "x".repeat(3 * 1024 * 1024 - 200) })
        expect((await postWebhook(baseUrl, under)).status).toBe(200)
      })
    })

    describe("processing", () => {
      it("stores any Unicode exactly as sent, from Meta's escaped form and from raw UTF-8", async () => {
        const texts = ["Hola 👋🏽 ¿tienen la camiseta?", "مرحبا، هل لديكم مقاس M؟", "café é à ñ", "user@example.com / talla M/L", "emoji 🇪🇸🧡 \\ \" quotes"]
        const ids: string[] = []
        for (const [i, text] of texts.entries()) {
          const id = wamid()
          ids.push(id)
          const payload = textPayload({ from: `3461000000${i}`, text, id })
          // Even indexes: Meta's \\uXXXX escapes; odd: plain UTF-8 bytes.
          const raw = i % 2 === 0 ? undefined : JSON.stringify(payload)
          expect((await postWebhook(baseUrl, raw ?? payload)).status).toBe(200)
        }
        await waitFor(async () => (await rows(`select count(*)::int c from whatsapp_message`))[0].c === texts.length, { what: "messages" })
        for (const [i, id] of ids.entries()) {
          const [row] = await rows(`select text from whatsapp_message where wamid = ?`, [id])
          expect(row.text).toBe(texts[i])
        }
      })

      it("stores messages carrying NUL or lone surrogates (replaced by U+FFFD) with the rest of their POST", async () => {
        // JSON.stringify writes these as "\\u0000" and "\\ud800" escapes, the form they take in a signed body.
        const texts = ["plain before", "nul \u0000 inside", "lone \ud800 high", "lone \udc00 low", "plain after"]
        const ids = texts.map(() => wamid())
        const payload = envelope({
          contacts: [{ profile: { name: "Nul\u0000 Name" }, wa_id: "34600000040" }],
          messages: texts.map((text, i) => ({ from: "34600000040", id: ids[i], timestamp: String(Math.floor(Date.now() / 1000)), type: "text", text: { body: text } })),
        })
        expect((await postWebhook(baseUrl, JSON.stringify(payload))).status).toBe(200)
        const stored = await waitFor(async () => {
          const r = await rows(`select wamid, text, payload->'text'->>'body' as body from whatsapp_message`)
          return r.length === texts.length ? r : null
        }, { what: "the five messages of the POST" })
        const expected = ["plain before", "nul \uFFFD inside", "lone \uFFFD high", "lone \uFFFD low", "plain after"]
        for (const [i, id] of ids.entries()) {
          const row = stored.find((r: any) => r.wamid === id)
          expect(row.text).toBe(expected[i])
          expect(row.body).toBe(expected[i])
        }
        const [event] = await rows(`select status, attempts, last_error from whatsapp_webhook_event`)
        expect(event).toEqual({ status: "processed", attempts: 1, last_error: null })
        expect((await rows(`select profile_name from whatsapp_conversation`))[0].profile_name).toBe("Nul\uFFFD Name")
      })

      it("keeps a signed body that is not UTF-8 text byte-exact, and shows it failed as malformed", async () => {
        const bytes = Buffer.concat([Buffer.from('{"object":"whatsapp_business_account","x":"'), Buffer.from([0x00, 0xff, 0xfe]), Buffer.from('"}')])
        const res = await fetch(`${baseUrl}/whatsapp/webhook`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-hub-signature-256": sign(bytes) },
          body: bytes,
        })
        expect(res.status).toBe(200)
        const [event] = await waitFor(async () => {
          const { data } = await api.get("/admin/whatsapp/webhook-events?status=failed", admin)
          return data.webhook_events.length ? data.webhook_events : null
        }, { what: "the undecodable body listed as failed" })
        expect(event).toMatchObject({ raw_body_encoding: "base64", gave_up: true, next_attempt_at: null })
        expect(event.last_error).toContain("Malformed JSON")
        expect(Buffer.from(event.raw_body, "base64").equals(bytes)).toBe(true)
      })

      it("fails only the event the database refuses; the others claimed with it are stored", async () => {
        // A real PostgreSQL error for one message, raised inside the insert (a test-only trigger).
        await rows(`create or replace function test_refuse_poison() returns trigger language plpgsql as $$
          begin if new.text like 'poison%' then raise exception 'refused % for %', new.text, new.wamid using errcode = '22023'; end if; return new; end $$`)
        await rows(`create trigger test_refuse_poison before insert on whatsapp_message for each row execute function test_refuse_poison()`)
        try {
          const texts = ["first", "poison pill +34600000099", "third", "fourth", "fifth"]
          // One INSERT of five rows, exactly as the intake stores concurrent POSTs: the worker then claims them as one batch.
          const bodies = texts.map((text, i) => JSON.stringify(textPayload({ from: `3460000005${i}`, text })))
          await rows(
            `insert into whatsapp_webhook_event (id, raw_body, received_at, status, phone_number_ids, created_at, updated_at)
             values ${bodies.map((_, i) => `('waevt_batch${i}', ?, now() + interval '${i} milliseconds', 'pending', '[]', now(), now())`).join(", ")}`,
            bodies
          )
          const { default: retryJob } = require(path.join(built, "jobs/drain-whatsapp-work.js"))
          await retryJob(getContainer())
          const events = await waitFor(async () => {
            const r = await rows(`select id, status, attempts, last_error, next_attempt_at from whatsapp_webhook_event order by id`)
            return r.every((e: any) => e.status !== "pending") ? r : null
          }, { what: "the batch's outcomes" })
          expect(events.map((e: any) => e.status)).toEqual(["processed", "failed", "processed", "processed", "processed"])
          expect(events.every((e: any) => e.attempts === 1)).toBe(true)
          // Given up at once (a data error repeats on retry), with a reason free of SQL, phone and text.
          expect(events[1].next_attempt_at).toBeNull()
          expect(events[1].last_error).toBe("gave up: permanent error, DriverException[22023] (data exception)")
          const stored = await rows(`select text from whatsapp_message order by text`)
          expect(stored.map((r: any) => r.text)).toEqual(["fifth", "first", "fourth", "third"])
        } finally {
          await rows(`drop trigger if exists test_refuse_poison on whatsapp_message`)
        }
      })

      it("200 messages delivered 5 times each, concurrently, give 200 rows and 200 effects", async () => {
        const payloads = Array.from({ length: 200 }, (_, i) =>
          textPayload({ from: `3462${String(i % 40).padStart(7, "0")}`, text: `mensaje ${i}` })
        )
        const deliveries = payloads.flatMap((p) => Array.from({ length: 5 }, () => p))
        // Shuffle so duplicates of one message arrive at the same time and out of order.
        deliveries.sort(() => Math.random() - 0.5)
        const statuses = await inParallel(deliveries, 40, async (p) => (await postWebhook(baseUrl, p)).status)
        expect(statuses.every((s) => s === 200)).toBe(true)

        await waitFor(
          async () => (await rows(`select count(*)::int c from whatsapp_webhook_event where status = 'pending' or locked_until is not null`))[0].c === 0,
          { timeoutMs: 120_000, what: "all events processed" }
        )
        const [{ c: messageRows }] = await rows(`select count(*)::int c from whatsapp_message`)
        expect(messageRows).toBe(200)
        await waitFor(async () => received.length >= 200, { what: "200 effects" })
        await new Promise((r) => setTimeout(r, 500))
        expect(received).toHaveLength(200)
        expect(new Set(received.map((e) => e.id)).size).toBe(200)
        const [{ c: conversations }] = await rows(`select count(*)::int c from whatsapp_conversation`)
        expect(conversations).toBe(40)
        const [{ s: unread }] = await rows(`select sum(unread_count)::int s from whatsapp_conversation`)
        expect(unread).toBe(200)
      })

      it("routes by phone_number_id; an unknown number is stored, ignored and visible", async () => {
        await postWebhook(baseUrl, textPayload({ from: "34600000003", text: "hola", phoneNumberId: "999999999999" }))
        const list = await waitFor(async () => {
          const { data } = await api.get("/admin/whatsapp/webhook-events?status=ignored", admin)
          return data.webhook_events.length ? data : null
        }, { what: "ignored event" })
        expect(list.webhook_events[0].last_error).toContain("unknown phone_number_id 999999999999")
        expect((await rows(`select count(*)::int c from whatsapp_message`))[0].c).toBe(0)
      })

      it("keeps the 24-hour window from the latest inbound message, whatever the arrival order", async () => {
        const now = Math.floor(Date.now() / 1000)
        await postWebhook(baseUrl, textPayload({ from: "34600000004", text: "second", timestamp: now }))
        await postWebhook(baseUrl, textPayload({ from: "34600000004", text: "first", timestamp: now - 3600 }))
        await waitFor(async () => (await rows(`select count(*)::int c from whatsapp_message`))[0].c === 2)
        const [conversation] = await rows(`select last_inbound_at from whatsapp_conversation where wa_id = '34600000004'`)
        expect(new Date(conversation.last_inbound_at).getTime()).toBe(now * 1000)
      })

      it("stores unsupported types, error arrays and malformed-but-signed JSON without crashing", async () => {
        const from = "34600000005"
        const contacts = [{ profile: { name: "Ana" }, wa_id: from }]
        const odd = [
          { type: "sticker", sticker: { id: "1", mime_type: "image/webp" } },
          { type: "reaction", reaction: { message_id: "wamid.x", emoji: "👍" } },
          { type: "location", location: { latitude: 40.4, longitude: -3.7, name: "Sol", address: "Madrid" } },
          { type: "contacts", contacts: [{ name: { formatted_name: "Bob" } }] },
          { type: "unsupported", errors: [{ code: 131051, title: "Message type unknown", message: "Message type unknown", error_data: { details: "Message type is currently not supported." } }] },
        ]
        for (const m of odd) {
          const payload = envelope({ contacts, messages: [{ from, id: wamid(), timestamp: String(Math.floor(Date.now() / 1000)), ...m }] })
          expect((await postWebhook(baseUrl, payload)).status).toBe(200)
        }
        const systemError = envelope({ errors: [{ code: 131000, title: "Something went wrong", message: "Something went wrong" }] })
        expect((await postWebhook(baseUrl, systemError)).status).toBe(200)
        const malformed = '{"object":"whatsapp_business_account","entry":[{'
        expect((await postWebhook(baseUrl, malformed)).status).toBe(200)

        await waitFor(async () => (await rows(`select count(*)::int c from whatsapp_message`))[0].c === 5, { what: "odd messages" })
        const stored = await rows(`select type, text, error_code from whatsapp_message order by type`)
        expect(stored.map((r: any) => r.type)).toEqual(["contacts", "location", "reaction", "sticker", "unsupported"])
        expect(stored.find((r: any) => r.type === "reaction").text).toBe("👍")
        expect(stored.find((r: any) => r.type === "location").text).toBe("Sol, Madrid")
        expect(stored.find((r: any) => r.type === "unsupported").error_code).toBe("131051")

        const failed = await waitFor(async () => {
          const { data } = await api.get("/admin/whatsapp/webhook-events?status=failed", admin)
          return data.webhook_events.length ? data.webhook_events : null
        }, { what: "malformed event listed" })
        expect(failed[0].last_error).toContain("Malformed JSON")
        expect(failed[0].raw_body).toBe(malformed)
        expect(failed[0].next_attempt_at).toBeNull()
        const [processed] = await rows(`select last_error from whatsapp_webhook_event where raw_body like '%131000%'`)
        expect(processed.last_error).toContain("Meta error 131000")
      })

      it("opts out on STOP/BAJA/PARAR/SAIR and back in on START", async () => {
        for (const [i, word] of ["STOP", "baja", "Parar.", " sair "].entries()) {
          const from = `3463000000${i}`
          await postWebhook(baseUrl, textPayload({ from, text: word }))
          await waitFor(async () => (await rows(`select opted_out from whatsapp_conversation where wa_id = ?`, [from]))[0]?.opted_out === true, {
            what: `${word} opts out`,
          })
        }
        await postWebhook(baseUrl, textPayload({ from: "34630000000", text: "START" }))
        await waitFor(async () => (await rows(`select opted_out from whatsapp_conversation where wa_id = '34630000000'`))[0].opted_out === false, {
          what: "START opts in",
        })
        const [stillOut] = await rows(`select opted_out from whatsapp_conversation where wa_id = '34630000001'`)
        expect(stillOut.opted_out).toBe(true)
      })
    })

    describe("statuses", () => {
      async function outboundMessage(id: string) {
        await postWebhook(baseUrl, textPayload({ from: "34600000006", text: "hola" }))
        const [conversation] = await waitFor(async () => {
          const r = await rows(`select id from whatsapp_conversation where wa_id = '34600000006'`)
          return r.length ? r : null
        })
        await dbConnection.raw(
          `insert into whatsapp_message (id, conversation_id, wamid, direction, type, text, status, created_at, updated_at)
           values (?, ?, ?, 'outbound', 'text', 'hola', 'sent', now(), now())`,
          [`wamsg_${id.slice(-10)}`, conversation.id, id]
        )
      }

      it("end at the furthest status when they arrive out of order, and never move back", async () => {
        const id = wamid()
        await outboundMessage(id)
        for (const status of ["read", "sent", "delivered", "sent"]) {
          await postWebhook(baseUrl, statusPayload([{ id, status }]))
        }
        await waitFor(async () => (await rows(`select count(*)::int c from whatsapp_webhook_event where status <> 'processed'`))[0].c === 0)
        const [row] = await rows(`select status from whatsapp_message where wamid = ?`, [id])
        expect(row.status).toBe("read")
      })

      it("keep Meta's error code and text on failure", async () => {
        const id = wamid()
        await outboundMessage(id)
        await postWebhook(
          baseUrl,
          statusPayload([{ id, status: "failed", errors: [{ code: 131047, title: "Re-engagement message", message: "Re-engagement message", error_data: { details: "Message failed to send because more than 24 hours have passed since the customer last replied to this number." } }] }])
        )
        const [row] = await waitFor(async () => {
          const r = await rows(`select status, error_code, error_message from whatsapp_message where wamid = ? and status = 'failed'`, [id])
          return r.length ? r : null
        })
        expect(row.error_code).toBe("131047")
        expect(row.error_message).toContain("more than 24 hours")
      })
    })

    describe("retries", () => {
      // A workflow hook takes one handler: each test sets the fault it injects.
      let fault: ((messages: any[]) => void) | null = null
      beforeAll(() => {
        const { processWhatsAppWebhookEventsWorkflow } = require(path.join(built, "workflows/channel/workflows/process-whatsapp-webhook-event.js"))
        processWhatsAppWebhookEventsWorkflow.hooks.webhookEventsIngested(async ({ messages }: any) => fault?.(messages))
      })
      afterEach(() => {
        fault = null
      })

      it("retries an injected processing failure and processes the event exactly once", async () => {
        const { default: retryJob } = require(path.join(built, "jobs/drain-whatsapp-work.js"))
        let failures = 0
        fault = (messages) => {
          if (messages.some((m: any) => m.text === "fail me once") && failures === 0) {
            failures++
            throw new Error("injected failure")
          }
        }
        await postWebhook(baseUrl, textPayload({ from: "34600000007", text: "fail me once" }))
        // The retry comes from the worker's own drain or from the job, whichever is first.
        const [event] = await waitFor(async () => {
          await retryJob(getContainer())
          const r = await rows(`select id, status, attempts, last_error from whatsapp_webhook_event where status = 'processed'`)
          return r.length ? r : null
        }, { what: "the event processed after its failure" })
        expect(failures).toBe(1)
        expect(event).toMatchObject({ status: "processed", attempts: 2, last_error: null })
        expect((await rows(`select count(*)::int c from whatsapp_message`))[0].c).toBe(1)
        // The failed attempt's message was rolled back, so the retry stored it anew
        // and its effect happened once, not zero times and not twice.
        await waitFor(async () => received.length === 1)

        // A processed event is never processed again.
        await retryJob(getContainer())
        await new Promise((r) => setTimeout(r, 300))
        expect(received).toHaveLength(1)
        expect((await rows(`select attempts from whatsapp_webhook_event where id = ?`, [event.id]))[0].attempts).toBe(2)
        expect(failures).toBe(1)
      })

      it("holds the attempt cap when the failure's own text cannot be stored, and shows the event given up", async () => {
        const { default: retryJob } = require(path.join(built, "jobs/drain-whatsapp-work.js"))
        fault = (messages) => {
          const poison = messages.find((m: any) => m.text?.startsWith("always fails"))
          // Like a driver error quoting the SQL: message text, a phone number and a NUL.
          if (poison) throw new Error(`insert failed for ${poison.wa_id}: ${poison.text}\u0000`)
        }
        await postWebhook(baseUrl, textPayload({ from: "34600000008", text: "always fails here" }))
        const [event] = await waitFor(async () => {
          await retryJob(getContainer())
          const { data } = await api.get("/admin/whatsapp/webhook-events?status=failed", admin)
          return data.webhook_events.filter((e: any) => e.gave_up).length ? data.webhook_events : null
        }, { what: "the event given up", timeoutMs: 60_000 })
        expect(event.attempts).toBe(10)
        expect(event.last_error).toBe("gave up after 10 attempts: Error")
        expect((await rows(`select count(*)::int c from whatsapp_message`))[0].c).toBe(0)

        // Never claimed again.
        await retryJob(getContainer())
        expect((await rows(`select attempts, status from whatsapp_webhook_event where id = ?`, [event.id]))[0]).toEqual({ attempts: 10, status: "failed" })
      })

      it("gives up an event that used its attempts without an outcome (its workers died) instead of claiming it again", async () => {
        const { default: retryJob } = require(path.join(built, "jobs/drain-whatsapp-work.js"))
        const body = JSON.stringify(textPayload({ from: "34600000009", text: "orphan" }))
        await rows(
          `insert into whatsapp_webhook_event (id, raw_body, received_at, status, attempts, locked_until, phone_number_ids, created_at, updated_at)
           values ('waevt_orphan', ?, now(), 'pending', 10, now() - interval '1 second', '[]', now(), now())`,
          [body]
        )
        await retryJob(getContainer())
        const [event] = await rows(`select status, attempts, next_attempt_at, last_error from whatsapp_webhook_event where id = 'waevt_orphan'`)
        expect(event).toEqual({
          status: "failed",
          attempts: 10,
          next_attempt_at: null,
          last_error: "gave up after 10 attempts: no outcome recorded (worker stopped or could not record it)",
        })
        // The admin sees it given up in the work queue's summary, and nothing left due.
        const { data } = await api.get("/admin/whatsapp/work", admin)
        expect(data.work.map((w: any) => w.kind).sort()).toEqual(["automation_run", "catalog_change", "inbound_message", "media_download", "outbound_message", "webhook_event"])
        expect(data.work.find((w: any) => w.kind === "webhook_event")).toMatchObject({ due: 0, in_progress: 0 })
        expect(data.work.find((w: any) => w.kind === "webhook_event").given_up).toBeGreaterThanOrEqual(1)
        expect((await api.get("/admin/whatsapp/work").catch((e: any) => e.response)).status).toBe(401)
      })
    })
  },
})
