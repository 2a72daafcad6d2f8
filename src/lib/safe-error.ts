/**
 * What may be logged or stored about a failure: its kind and code, never the
 * data it was working on. Database drivers put the whole statement, with its
 * parameters inlined (phone numbers, message texts, payloads), into the error
 * message; other errors quote what they were given. So a database error is
 * reduced to its class and SQLSTATE, and any other message is cut short and
 * stripped of what looks like personal data or a secret.
 */
const MAX_TEXT = 200

export type ErrorSummary = {
  /** SQLSTATE, Medusa error type, Node system code or HTTP status; "error" when there is none. */
  code: string
  /** `Class[code]: short message` — safe to log and to store. */
  text: string
}

export function summarizeError(error: unknown): ErrorSummary {
  const e = (typeof error === "object" && error !== null ? error : {}) as Record<string, unknown>
  const name = safeName(typeof error === "object" && error !== null ? e.name ?? error.constructor?.name : undefined)
  const code = errorCode(e)
  if (isDatabaseError(e)) {
    // The message is the SQL with its values: nothing of it is kept.
    return { code, text: `${name}[${code}]` }
  }
  const message = typeof e.message === "string" ? e.message : typeof error === "string" ? error : ""
  const scrubbed = scrub(message)
  return { code, text: `${name}${code === "error" ? "" : `[${code}]`}${scrubbed ? `: ${scrubbed}` : ""}` }
}

/** `summarizeError(error).text`, for a log line or an error column. */
export function describeError(error: unknown): string {
  return summarizeError(error).text
}

function errorCode(e: Record<string, unknown>): string {
  for (const key of ["sqlState", "code", "type", "status", "statusCode"]) {
    const value = e[key]
    if ((typeof value === "string" && /^[A-Za-z0-9_.-]{1,40}$/.test(value)) || (typeof value === "number" && Number.isInteger(value))) {
      return String(value)
    }
  }
  return "error"
}

/** MikroORM's DriverException family, knex and pg errors: a SQLSTATE, or SQL quoted in the message. */
function isDatabaseError(e: Record<string, unknown>): boolean {
  if (typeof e.sqlState === "string") return true
  if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code) && /\d/.test(e.code)) return true
  if (typeof e.name === "string" && /(Driver|Constraint|Violation|Syntax|Deadlock|Connection|Database|Table|Lock)\w*Exception$/.test(e.name)) return true
  return typeof e.message === "string" && /\b(insert into|update\s+\S+\s+set|delete from|select\s.+\sfrom)\b/is.test(e.message)
}

function safeName(value: unknown): string {
  const name = typeof value === "string" ? value : "Error"
  return /^[A-Za-z_$][\w$]{0,60}$/.test(name) ? name : "Error"
}

/** One short line without control characters, e-mail addresses, long digit runs (phones), URLs or tokens. */
export function scrub(text: string): string {
  let out = text
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ")
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
    .replace(/https?:\/\/\S+/gi, "<url>")
    .replace(/[^\s@"'<>()]+@[^\s@"'<>()]+\.[A-Za-z]{2,}/g, "<email>")
    .replace(/\+?\d[\d ().-]{5,}\d/g, "<number>")
    .replace(/[A-Za-z0-9_+/=-]{40,}/g, "<secret>")
    .replace(/\s+/g, " ")
    .trim()
  if (out.length > MAX_TEXT) out = `${out.slice(0, MAX_TEXT - 1)}…`
  return out
}
