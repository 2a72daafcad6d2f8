import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import path from "node:path"
import { createAdminHeaders } from "../helpers/admin"
import { NO_AUTO_REPLY, postWebhook, TEST_ACCOUNT, textPayload, waitFor } from "../helpers/whatsapp"
import { CHANGES_SQL } from "../../src/modules/whatsapp/sql/conversation-changes"
import { SEARCH_SQL, searchParameters } from "../../src/modules/whatsapp/sql/conversations"

const cwd = path.join(__dirname, "../host")

/** Rows a plan read from whatsapp_conversation: what it returned plus what it threw away. */
function conversationRowsTouched(plan: any): number {
  const own = plan["Relation Name"] === "whatsapp_conversation" ? (plan["Actual Rows"] ?? 0) + (plan["Rows Removed by Filter"] ?? 0) + (plan["Rows Removed by Index Recheck"] ?? 0) : 0
  return own + (plan.Plans ?? []).reduce((sum: number, child: any) => sum + conversationRowsTouched(child), 0)
}

medusaIntegrationTestRunner({
  cwd,
  medusaConfigFile: cwd,
  testSuite: ({ api, getContainer, dbConnection }) => {
    let ana: { headers: Record<string, string>; user: { id: string } }
    let luis: { headers: Record<string, string>; user: { id: string } }
    let accountId: string
    const rows = async (sql: string, params: unknown[] = []) => (await dbConnection.raw(sql, params)).rows

    /** The customer writes; resolves with their conversation once the message is stored. */
    async function customerWrites(from: string, text: string, name = "Cliente") {
      const res = await postWebhook(api.defaults.baseURL!, textPayload({ from, text, name }))
      expect(res.status).toBe(200)
      return waitFor(async () => (await rows(`select c.* from whatsapp_conversation c join whatsapp_message m on m.conversation_id = c.id where m.text = ?`, [text]))[0], {
        what: `"${text}" stored`,
      })
    }
    const list = async (query: string, who = ana) => (await api.get(`/admin/whatsapp/conversations?${query}`, who)).data
    const ids = (data: any) => data.conversations.map((c: any) => c.id).sort()
    const update = (id: string, body: unknown, who = ana) => api.post(`/admin/whatsapp/conversations/${id}`, body, who)
    const failure = (promise: Promise<unknown>) => promise.then(() => ({ status: 200, data: null }) as any, (e) => e.response)

    beforeEach(async () => {
      ana = await createAdminHeaders(getContainer(), "ana@test.local")
      luis = await createAdminHeaders(getContainer(), "luis@test.local")
      await getContainer().resolve(Modules.USER).updateUsers({ id: luis.user.id, first_name: "Luis" })
      const { data } = await api.post("/admin/whatsapp/accounts", { ...TEST_ACCOUNT, settings: NO_AUTO_REPLY }, ana)
      accountId = data.account.id
    })

    it("assigns to admin users, lists mine / unassigned / someone's, closes, and a new message reopens", async () => {
      const first = await customerWrites("34600000101", "hola, una pregunta")
      const second = await customerWrites("34600000102", "buenas tardes")
      const third = await customerWrites("34600000103", "¿tenéis tallas?")

      expect((await update(first.id, { assigned_to_id: ana.user.id })).data.conversation).toMatchObject({ assigned_to_id: ana.user.id, status: "open" })
      const assigned = await update(second.id, { assigned_to_id: luis.user.id })
      expect(assigned.data.conversation.assigned_at).not.toBeNull()

      expect(ids(await list("assigned=me"))).toEqual([first.id])
      expect(ids(await list("assigned=me", luis))).toEqual([second.id])
      expect(ids(await list(`assigned=${luis.user.id}`))).toEqual([second.id])
      expect(ids(await list("assigned=none"))).toEqual([third.id])
      expect(ids(await list(""))).toEqual([first.id, second.id, third.id].sort())

      const unknown = await failure(update(third.id, { assigned_to_id: "user_does_not_exist" }))
      expect(unknown.status).toBe(400)
      expect(unknown.data.message).toContain("no admin user user_does_not_exist")
      expect((await failure(update(third.id, {}))).status).toBe(400)
      expect((await failure(update(third.id, { status: "snoozed" }))).status).toBe(400)
      expect((await failure(update("waconv_missing", { status: "closed" }))).status).toBe(404)

      // Unassigning puts it back in "unassigned".
      await update(first.id, { assigned_to_id: null })
      expect(ids(await list("assigned=none"))).toEqual([first.id, third.id].sort())

      const closed = (await update(third.id, { status: "closed" })).data.conversation
      expect(closed.status).toBe("closed")
      expect(closed.closed_at).not.toBeNull()
      expect(ids(await list("status=closed"))).toEqual([third.id])
      expect(ids(await list("status=open"))).toEqual([first.id, second.id].sort())

      await customerWrites("34600000103", "sigo esperando")
      const reopened = (await api.get(`/admin/whatsapp/conversations/${third.id}`, ana)).data.conversation
      expect(reopened).toMatchObject({ status: "open", closed_at: null })
    })

    it("tells the assignee, and only them, of new messages in their conversation", async () => {
      const feed = (resourceId: string) => getContainer().resolve(Modules.NOTIFICATION).listNotifications({ channel: "feed", resource_id: resourceId })
      const conversation = await customerWrites("34600000201", "hola", "María")
      // Nobody assigned: nobody told.
      expect(await feed(conversation.id)).toHaveLength(0)

      await update(conversation.id, { assigned_to_id: luis.user.id })
      await customerWrites("34600000201", "¿seguís ahí?", "María")
      const [notice] = await waitFor(async () => {
        const found = await feed(conversation.id)
        return found.length ? found : null
      }, { what: "assignee notified" })
      expect(notice).toMatchObject({ to: luis.user.id, resource_type: "whatsapp_conversation" })
      expect(notice.data).toMatchObject({ title: "WhatsApp: new message in your conversation", description: "María wrote in a conversation assigned to you." })
      expect(JSON.stringify(notice.data)).not.toContain("34600000201")
    })

    it("keeps internal notes for admins: signed by their author, never sent or shown as a message", async () => {
      const conversation = await customerWrites("34600000301", "quiero devolver algo")
      const note = "Cliente VIP: ofrecer cambio sin coste"
      const { data, status } = await api.post(`/admin/whatsapp/conversations/${conversation.id}/notes`, { text: `  ${note} ` }, luis)
      expect(status).toBe(201)
      expect(data.note).toMatchObject({ conversation_id: conversation.id, author_id: luis.user.id, text: note })
      await api.post(`/admin/whatsapp/conversations/${conversation.id}/notes`, { text: "Segunda nota" }, ana)

      const notes = (await api.get(`/admin/whatsapp/conversations/${conversation.id}/notes`, ana)).data.notes
      expect(notes.map((n: any) => [n.author_id, n.text])).toEqual([
        [luis.user.id, note],
        [ana.user.id, "Segunda nota"],
      ])
      expect((await failure(api.post(`/admin/whatsapp/conversations/${conversation.id}/notes`, { text: "  " }, ana))).status).toBe(400)
      expect((await failure(api.post(`/admin/whatsapp/conversations/waconv_missing/notes`, { text: "x" }, ana))).status).toBe(404)

      // Not a message: nothing queued for the customer, nothing in the thread.
      expect(await rows(`select 1 from whatsapp_message where text like '%VIP%' or payload::text like '%VIP%'`)).toHaveLength(0)
      const thread = (await api.get(`/admin/whatsapp/conversations/${conversation.id}/messages`, ana)).data
      expect(JSON.stringify(thread)).not.toContain("VIP")
      expect(await rows(`select 1 from whatsapp_message where conversation_id = ? and direction = 'outbound'`, [conversation.id])).toHaveLength(0)
      // Admin-only: without an admin token the notes are not readable.
      expect((await failure(api.get(`/admin/whatsapp/conversations/${conversation.id}/notes`))).status).toBe(401)
    })

    it("saves canned replies, refuses unknown variables, and fills them for a conversation", async () => {
      const [store] = await getContainer().resolve(Modules.STORE).listStores({}, { take: 1 })
      await getContainer().resolve(Modules.STORE).updateStores(store.id, { name: "Casa Verde" })
      const conversation = await customerWrites("34600000401", "hola", "María López")

      const typo = await failure(api.post(`/admin/whatsapp/canned-replies`, { title: "Saludo", text: "Hola {{cusotmer_name}}" }, ana))
      expect(typo.status).toBe(400)
      expect(typo.data.message).toContain("{{cusotmer_name}}")
      expect((await failure(api.post(`/admin/whatsapp/canned-replies`, { title: "", text: "x" }, ana))).status).toBe(400)

      const created = (
        await api.post(`/admin/whatsapp/canned-replies`, { title: "Saludo", text: "Hola {{customer_first_name}}, soy {{agent_name}} de {{store_name}}. ¿{{customer_name}}?" }, ana)
      ).data.canned_reply
      await api.post(`/admin/whatsapp/canned-replies`, { title: "Adiós", text: "Gracias por escribir a {{store_name}}." }, ana)
      expect((await api.get(`/admin/whatsapp/canned-replies`, ana)).data.canned_replies.map((r: any) => r.title)).toEqual(["Adiós", "Saludo"])

      const rendered = await api.post(`/admin/whatsapp/canned-replies/${created.id}/render`, { conversation_id: conversation.id }, luis)
      expect(rendered.data).toEqual({ text: "Hola María, soy Luis de Casa Verde. ¿María López?", missing: [] })

      await api.post(`/admin/whatsapp/canned-replies/${created.id}`, { text: "Hola {{username}}" }, ana)
      expect((await api.post(`/admin/whatsapp/canned-replies/${created.id}/render`, { conversation_id: conversation.id }, ana)).data).toEqual({
        text: "Hola",
        missing: ["username"],
      })
      expect((await failure(api.post(`/admin/whatsapp/canned-replies/${created.id}/render`, { conversation_id: "waconv_missing" }, ana))).status).toBe(404)

      expect((await api.delete(`/admin/whatsapp/canned-replies/${created.id}`, ana)).data).toEqual({ id: created.id, object: "whatsapp_canned_reply", deleted: true })
      expect((await failure(api.get(`/admin/whatsapp/canned-replies/${created.id}`, ana))).status).toBe(404)
    })

    it("searches by name, phone in any notation, username and message text, through indexes", async () => {
      const maria = await customerWrites("34611222333", "necesito una chaqueta impermeable", "María Pérez")
      const john = await customerWrites("447700900123", "hello", "John")
      await rows(`update whatsapp_conversation set username = 'surf_shop_fan' where id = ?`, [john.id])
      const search = async (q: string) => ids(await list(`q=${encodeURIComponent(q)}`))

      expect(await search("maría")).toEqual([maria.id])
      expect(await search("+34 611 222 333")).toEqual([maria.id])
      expect(await search("700-900")).toEqual([john.id])
      expect(await search("@surf_shop")).toEqual([john.id])
      expect(await search("impermeable")).toEqual([maria.id])
      expect(await search("nadie-asi")).toEqual([])

      // Among a shop's worth of conversations and messages the planner reaches each branch through its index.
      await rows(
        `insert into whatsapp_conversation (id, account_id, wa_id, profile_name, created_at, updated_at)
         select 'waconv_bulk_' || n, ?, (34690000000 + n)::text, 'Cliente ' || n, now(), now() from generate_series(1, 5000) n`,
        [accountId]
      )
      await rows(
        `insert into whatsapp_message (id, conversation_id, direction, type, text, status, created_at, updated_at)
         select 'wamsg_bulk_' || n, 'waconv_bulk_' || (n % 5000 + 1), 'inbound', 'text', 'pedido ' || n || ' talla M color rojo', 'received', now(), now()
           from generate_series(1, 50000) n`
      )
      // As autovacuum leaves them: statistics gathered, GIN pending lists merged (the planner prices a long pending list high).
      await rows(`vacuum analyze whatsapp_conversation`)
      await rows(`vacuum analyze whatsapp_message`)
      expect(await search("impermeable")).toEqual([maria.id])
      const plan = (await rows(`explain ${SEARCH_SQL}`, searchParameters("impermeable", 50))).map((r: any) => r["QUERY PLAN"]).join("\n")
      expect(plan).toContain("IDX_whatsapp_conversation_search_trgm")
      expect(plan).toContain("IDX_whatsapp_message_text_trgm")
      expect(plan).toContain("IDX_whatsapp_conversation_former_identities")
      expect(plan).not.toMatch(/Seq Scan on whatsapp_(conversation|message)/)
    })

    it("answers changed-since with only what changed: assignment, status, notes, messages and reads all count", async () => {
      const one = await customerWrites("34600000501", "uno")
      const two = await customerWrites("34600000502", "dos")
      const first = await list("")
      expect(first.cursor).toMatch(/^\d+$/)
      const poll = async (cursor: string) => (await api.get(`/admin/whatsapp/conversations?updated_since=${cursor}`, ana)).data
      const quiet = async (cursor: string) => {
        // Nothing changed: no rows, and the cursor does not go backwards.
        const answer = await poll(cursor)
        expect(answer.conversations).toEqual([])
        expect(BigInt(answer.next_cursor)).toBeGreaterThanOrEqual(BigInt(cursor))
        return answer.next_cursor as string
      }
      let cursor = await quiet(first.cursor)

      const changes: [string, () => Promise<unknown>][] = [
        ["assignment", () => update(one.id, { assigned_to_id: luis.user.id })],
        ["status", () => update(one.id, { status: "closed" })],
        ["note", () => api.post(`/admin/whatsapp/conversations/${one.id}/notes`, { text: "llamar mañana" }, ana)],
        ["message", () => customerWrites("34600000501", "¿hay novedades?")],
        ["read", () => api.post(`/admin/whatsapp/conversations/${one.id}/read`, {}, ana)],
      ]
      for (const [what, change] of changes) {
        await change()
        const answer = await poll(cursor)
        expect([what, answer.conversations.map((c: any) => c.id)]).toEqual([what, [one.id]])
        expect(answer.more).toBe(false)
        cursor = await quiet(answer.next_cursor)
      }
      const latest = (await poll(first.cursor)).conversations
      expect(latest.map((c: any) => c.id)).toEqual([one.id])
      expect(latest[0]).toMatchObject({ assigned_to_id: luis.user.id, status: "open", unread_count: 0 })
      expect(two.id).not.toBe(one.id)

      expect((await failure(api.get(`/admin/whatsapp/conversations?updated_since=yesterday`, ana))).status).toBe(400)
    })

    it("reads as many rows for a change among 500 conversations as among 1", async () => {
      const rowsTouched = async (status: "open" | "closed") => {
        const [{ horizon }] = await rows(`select pg_snapshot_xmin(pg_current_snapshot())::text as horizon`)
        const [someone] = await rows(`select id from whatsapp_conversation order by created_at limit 1`)
        await update(someone.id, { status })
        await rows(`analyze whatsapp_conversation`)
        const [{ "QUERY PLAN": [explained] }] = await rows(`explain (analyze, format json) ${CHANGES_SQL}`, [horizon, 201])
        const answer = (await api.get(`/admin/whatsapp/conversations?updated_since=${horizon}`, ana)).data
        expect(answer.conversations.map((c: any) => c.id)).toEqual([someone.id])
        return conversationRowsTouched(explained.Plan)
      }
      await customerWrites("34600000601", "primero")
      const withOne = await rowsTouched("closed")

      await rows(
        `insert into whatsapp_conversation (id, account_id, wa_id, profile_name, created_at, updated_at)
         select 'waconv_bulk_' || n, ?, (34690000000 + n)::text, 'Bulk ' || n, now(), now() from generate_series(1, 499) n`,
        [accountId]
      )
      expect((await rows(`select count(*)::int as n from whatsapp_conversation`))[0].n).toBe(500)
      const withFiveHundred = await rowsTouched("open")

      expect(withOne).toBe(1)
      expect(withFiveHundred).toBe(withOne)
    })
  },
})
