import { NotNullConstraintViolationException, UniqueConstraintViolationException } from "@mikro-orm/core"
import { MedusaError } from "@medusajs/framework/utils"
import { describeError, scrub, summarizeError } from "../safe-error"

/** A pg error as knex rethrows it: the statement with its values inlined, then PostgreSQL's message. */
function pgError(message: string, code: string) {
  return Object.assign(new Error(message), { code, severity: "ERROR", table: "whatsapp_message" })
}

describe("describeError", () => {
  it("keeps only the class and SQLSTATE of a database error, never the statement or its values", () => {
    const sql = `insert into "whatsapp_message" ("wa_id", "text", "payload") values ('34611222333', 'Calle Mayor 5, Madrid', '{"email":"lucia@example.com"}') - null value in column "conversation_id" violates not-null constraint`
    const error = new NotNullConstraintViolationException(pgError(sql, "23502"))
    expect(describeError(error)).toBe("NotNullConstraintViolationException[23502]")
    expect(summarizeError(error).code).toBe("23502")
    // A raw driver error (no MikroORM wrapper) is treated the same.
    expect(describeError(pgError(`update whatsapp_cart set email = 'a@b.co' where id = 'x' - deadlock detected`, "40P01"))).toBe("Error[40P01]")
    expect(describeError(new UniqueConstraintViolationException(pgError("duplicate key value violates unique constraint", "23505")))).toBe(
      "UniqueConstraintViolationException[23505]"
    )
  })

  it("keeps a short message without phones, e-mails, URLs, tokens or control characters", () => {
    const token = `wacart_01ABC.t5x3k0.${"S".repeat(43)}`
    const text = describeError(
      new MedusaError(MedusaError.Types.NOT_ALLOWED, `Customer +34 611 222 333 (lucia@example.com) opened https://shop.example/whatsapp/checkout/${token}\u0000 and ${"A".repeat(45)}`)
    )
    expect(text).toBe("Error[not_allowed]: Customer <number> (<email>) opened <url> and <secret>")
    expect(text).not.toMatch(/611|lucia|checkout|\u0000/)
  })

  it("bounds the length, replaces lone surrogates and copes with things that are not errors", () => {
    expect(describeError(new Error("x".repeat(30) + " ".repeat(3) + "y ".repeat(500))).length).toBeLessThanOrEqual(207)
    expect(describeError(new Error("bad \ud800 text"))).toBe("Error: bad \ufffd text")
    expect(describeError("plain string")).toBe("Error: plain string")
    expect(describeError(undefined)).toBe("Error")
    expect(describeError({ name: "<script>", code: "ECONNREFUSED" })).toBe("Error[ECONNREFUSED]")
    expect(scrub("order 131047 failed")).toBe("order 131047 failed")
  })
})
