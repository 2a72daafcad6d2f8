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
        expect(await res.text()).toBe("1158201444")
      })

      it("refuses a wrong token or mode with 403", async () => {
        const wrong = await fetch(`${baseUrl}/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`)
        expect(wrong.status).toBe(403)
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
      it("retries an injected processing failure and processes the event exactly once", async () => {
        const { processWhatsAppWebhookEventsWorkflow } = require(path.join(built, "workflows/channel/workflows/process-whatsapp-webhook-event.js"))
        const { default: retryJob } = require(path.join(built, "jobs/retry-whatsapp-webhook-events.js"))
        let failures = 0
        processWhatsAppWebhookEventsWorkflow.hooks.webhookEventsIngested(async ({ messages }: any) => {
          if (messages.some((m: any) => m.text === "fail me once") && failures === 0) {
            failures++
            throw new Error("injected failure")
          }
        })
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
    })
  },
})
