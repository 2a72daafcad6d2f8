import { boundNote, describeError, MAX_ERROR_NOTE } from "../safe-error"
import { webhookFailureOutcome } from "../webhook-event-failure"

/** The shape MikroORM gives a pg error: the SQL and its parameters in the message, SQLSTATE in `code`. */
function driverError(sqlState: string) {
  const error = new Error(`insert into "whatsapp_message" ... values ('+34600111222', 'my address is Calle Sol 1\u0000') - invalid byte sequence`)
  error.name = "DriverException"
  return Object.assign(error, { code: sqlState, sqlState })
}

describe("describeError", () => {
  it("keeps the error class and SQLSTATE, never the message", () => {
    const { note, sqlState, permanent } = describeError(driverError("22021"))
    expect(note).toBe("DriverException: PostgreSQL 22021 (data exception)")
    expect(sqlState).toBe("22021")
    expect(permanent).toBe(true)
    expect(note).not.toMatch(/34600|Calle|insert|\u0000/)
  })

  it("finds the SQLSTATE on a wrapped cause and treats connection errors as transient", () => {
    const wrapped = new Error("step failed: secret stuff", { cause: driverError("08006") })
    expect(describeError(wrapped)).toEqual({ note: "Error: PostgreSQL 08006 (connection exception)", sqlState: "08006", permanent: false })
  })

  it("names other errors by class and a safe code only", () => {
    expect(describeError(new TypeError("cannot read 'text' of +34600111222")).note).toBe("TypeError")
    expect(describeError(Object.assign(new Error("x"), { code: "ECONNRESET" })).note).toBe("Error: ECONNRESET")
    expect(describeError(Object.assign(new Error("x"), { code: "has spaces and +34600111222 " })).note).toBe("Error")
    expect(describeError("a string with content").note).toBe("Error")
  })

  it("bounds notes", () => {
    expect(boundNote("x".repeat(2000))).toHaveLength(MAX_ERROR_NOTE)
  })
})

describe("webhookFailureOutcome", () => {
  const retry = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000 }

  it("retries transient errors with backoff until the cap, then gives up with the reason", () => {
    const transient = Object.assign(new Error("boom"), { code: "ECONNRESET" })
    expect(webhookFailureOutcome(transient, 1, retry)).toMatchObject({ status: "failed", note: "Error: ECONNRESET" })
    expect(webhookFailureOutcome(transient, 1, retry).retryInMs).toBeGreaterThan(0)
    expect(webhookFailureOutcome(transient, 3, retry)).toEqual({ status: "failed", note: "gave up after 3 attempts: Error: ECONNRESET", retryInMs: null })
  })

  it("gives up at once on an event's own data error, but not when a whole batch failed", () => {
    expect(webhookFailureOutcome(driverError("54001"), 1, retry)).toEqual({
      status: "failed",
      note: "gave up: permanent error, DriverException: PostgreSQL 54001 (program limit exceeded)",
      retryInMs: null,
    })
    expect(webhookFailureOutcome(driverError("22P05"), 1, retry, "batch").retryInMs).toBeGreaterThan(0)
  })
})
