import { NotNullConstraintViolationException, UniqueConstraintViolationException } from "@mikro-orm/core"
import { MedusaError } from "@medusajs/framework/utils"
import { boundNote, describeError, MAX_ERROR_NOTE, summarizeError } from "../safe-error"
import { webhookFailureOutcome } from "../webhook-event-failure"

/** A pg error as knex rethrows it: the statement with its values inlined, then PostgreSQL's message. */
function pgError(message: string, code: string) {
  return Object.assign(new Error(message), { code, severity: "ERROR", table: "whatsapp_message" })
}

describe("describeError", () => {
  it("keeps only the class and SQLSTATE of a database error, never the statement or its values", () => {
    const sql = `insert into "whatsapp_message" ("wa_id", "text", "payload") values ('34611222333', 'Calle Mayor 5, Madrid', '{"email":"lucia@example.com"}') - null value in column "conversation_id" violates not-null constraint`
    const error = new NotNullConstraintViolationException(pgError(sql, "23502"))
    expect(describeError(error)).toBe("NotNullConstraintViolationException[23502] (integrity constraint violation)")
    expect(summarizeError(error).code).toBe("23502")
    // A raw driver error (no MikroORM wrapper) is treated the same.
    expect(describeError(pgError(`update whatsapp_cart set email = 'a@b.co' where id = 'x' - deadlock detected`, "40P01"))).toBe("Error[40P01] (transaction rollback)")
    expect(describeError(new UniqueConstraintViolationException(pgError("duplicate key value violates unique constraint", "23505")))).toBe(
      "UniqueConstraintViolationException[23505] (integrity constraint violation)"
    )
  })

  it("keeps no message of other errors: they quote what they were given", () => {
    const token = `wacart_01ABC.t5x3k0.${"S".repeat(43)}`
    const text = describeError(
      new MedusaError(MedusaError.Types.NOT_ALLOWED, `Customer +34 611 222 333 (lucia@example.com) opened https://shop.example/whatsapp/checkout/${token}\u0000`)
    )
    expect(text).toBe("Error[not_allowed]")
    expect(describeError(new TypeError("cannot read 'text' of +34600111222"))).toBe("TypeError")
    expect(describeError(Object.assign(new Error("x"), { code: "ECONNRESET" }))).toBe("Error[ECONNRESET]")
    expect(describeError(Object.assign(new Error("x"), { code: "has spaces and +34600111222 " }))).toBe("Error")
    expect(describeError("plain string")).toBe("Error")
    expect(describeError(undefined)).toBe("Error")
    expect(describeError({ name: "<script>", code: "ECONNREFUSED" })).toBe("Error[ECONNREFUSED]")
  })
})

/** The shape MikroORM gives a pg error: the SQL and its parameters in the message, SQLSTATE in `code`. */
function driverError(sqlState: string) {
  const error = new Error(`insert into "whatsapp_message" ... values ('+34600111222', 'my address is Calle Sol 1\u0000') - invalid byte sequence`)
  error.name = "DriverException"
  return Object.assign(error, { code: sqlState, sqlState })
}

describe("summarizeError on driver errors", () => {
  it("keeps the error class and SQLSTATE, never the message", () => {
    const { text: note, sqlState, permanent } = summarizeError(driverError("22021"))
    expect(note).toBe("DriverException[22021] (data exception)")
    expect(sqlState).toBe("22021")
    expect(permanent).toBe(true)
    expect(note).not.toMatch(/34600|Calle|insert|\u0000/)
  })

  it("finds the SQLSTATE on a wrapped cause and treats connection errors as transient", () => {
    const wrapped = new Error("step failed: secret stuff", { cause: driverError("08006") })
    expect(summarizeError(wrapped)).toEqual({ code: "08006", text: "Error[08006] (connection exception)", sqlState: "08006", permanent: false })
  })

  it("bounds notes", () => {
    expect(boundNote("x".repeat(2000))).toHaveLength(MAX_ERROR_NOTE)
  })
})

describe("webhookFailureOutcome", () => {
  const retry = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000 }

  it("retries transient errors with backoff until the cap, then gives up with the reason", () => {
    const transient = Object.assign(new Error("boom"), { code: "ECONNRESET" })
    expect(webhookFailureOutcome(transient, 1, retry)).toMatchObject({ status: "failed", note: "Error[ECONNRESET]" })
    expect(webhookFailureOutcome(transient, 1, retry).retryInMs).toBeGreaterThan(0)
    expect(webhookFailureOutcome(transient, 3, retry)).toEqual({ status: "failed", note: "gave up after 3 attempts: Error[ECONNRESET]", retryInMs: null })
  })

  it("gives up at once on an event's own data error, but not when a whole batch failed", () => {
    expect(webhookFailureOutcome(driverError("54001"), 1, retry)).toEqual({
      status: "failed",
      note: "gave up: permanent error, DriverException[54001] (program limit exceeded)",
      retryInMs: null,
    })
    expect(webhookFailureOutcome(driverError("22P05"), 1, retry, "batch").retryInMs).toBeGreaterThan(0)
  })
})

describe("failedWorkOutcome", () => {
  const { failedWorkOutcome } = require("../webhook-event-failure")
  const options = { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 60_000 }

  it("retries with backoff under the cap and gives up at it, saying after how many attempts", () => {
    const retry = failedWorkOutcome("wamsg_1", "Error", 2, options)
    expect(retry).toMatchObject({ id: "wamsg_1", result: "retry", note: "Error" })
    expect(retry.delayMs).toBeGreaterThanOrEqual(1_000)
    expect(retry.delayMs).toBeLessThanOrEqual(2_000)
    expect(failedWorkOutcome("wamsg_1", "Error", 3, options)).toEqual({ id: "wamsg_1", result: "failed", note: "gave up after 3 attempts: Error" })
  })
})
