import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import path from "node:path"
import { createAdminHeaders } from "../helpers/admin"
import { postWebhook, TEST_ACCOUNT, textPayload, useSandbox, waitFor } from "../helpers/whatsapp"

/**
 * A message whose handling fails in the database: what is stored on the
 * message and written to the log names the failure (class, SQLSTATE) and
 * the message's id, never the SQL with the customer's number and text.
 */
const cwd = path.join(__dirname, "../host")
const CUSTOMER = "34699887766"
const TEXT = "Busco la falda azul para Calle Mayor 5"
useSandbox({ accounts: [TEST_ACCOUNT], sendStatuses: false })

medusaIntegrationTestRunner({
  cwd,
  medusaConfigFile: cwd,
  testSuite: ({ api, getContainer, dbConnection }) => {
    const rows = async (sql: string, params: unknown[] = []) => (await dbConnection.raw(sql, params)).rows

    it("stores and logs a failed answer as its error code, without the SQL, the number or the text", async () => {
      await api.post("/admin/whatsapp/accounts", TEST_ACCOUNT, await createAdminHeaders(getContainer()))
      const logger = getContainer().resolve("logger")
      const logged: string[] = []
      const spies = (["warn", "error", "info"] as const).map((level) => jest.spyOn(logger, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" "))))
      // The database refuses every reply, as it would a value it cannot store.
      await dbConnection.raw(`alter table whatsapp_message add constraint test_refuses_replies check (direction <> 'outbound')`)
      try {
        expect((await postWebhook(api.defaults.baseURL!, textPayload({ from: CUSTOMER, text: TEXT, name: "Elena" }))).status).toBe(200)
        const [message] = await waitFor(
          () => rows(`select id, handle_error from whatsapp_message where direction = 'inbound' and handle_error is not null`).then((r) => r.length && r),
          { what: "the failed answer recorded on the message", timeoutMs: 30_000 }
        )
        expect(message.handle_error).toMatch(/\[23514\]/) // check_violation
        const line = await waitFor(() => logged.find((l) => l.includes(message.id)), { what: "the log line naming the message" })
        expect(line).toMatch(/\[23514\]/)
        for (const text of [message.handle_error, ...logged]) {
          expect(text).not.toMatch(/insert into|values \(|34699887766|699887766|falda azul|Calle Mayor/i)
        }
      } finally {
        spies.forEach((s) => s.mockRestore())
        await dbConnection.raw(`alter table whatsapp_message drop constraint if exists test_refuses_replies`)
      }
    })
  },
})
