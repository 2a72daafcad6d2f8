/**
 * What may be logged or stored about a failure: its kind and code, never the
 * data it was working on. Database drivers put the whole statement, with its
 * parameters inlined (phone numbers, message texts, payloads), into the error
 * message, and that message may itself hold the NUL that made an insert
 * fail; other errors quote what they were given. So a database error is
 * reduced to its class, SQLSTATE and SQLSTATE class, and any other message is
 * cut short and stripped of what looks like personal data or a secret.
 */
const MAX_TEXT = 200

/** Composed notes (a prefix, then a description) stored in error columns. */
export const MAX_ERROR_NOTE = 500

/** PostgreSQL SQLSTATE classes (first two characters), from the PostgreSQL manual's appendix A. */
const SQLSTATE_CLASSES: Record<string, string> = {
  "08": "connection exception",
  "0A": "feature not supported",
  "21": "cardinality violation",
  "22": "data exception",
  "23": "integrity constraint violation",
  "25": "invalid transaction state",
  "40": "transaction rollback",
  "42": "syntax error or access rule violation",
  "53": "insufficient resources",
  "54": "program limit exceeded",
  "55": "object not in prerequisite state",
  "57": "operator intervention",
  "58": "system error",
  XX: "internal error",
}

/** Errors a retry cannot fix: the same data fails the same way (bad value, too deep, too large). */
const PERMANENT_CLASSES = new Set(["22", "54"])

const SQLSTATE = /^[0-9A-Z]{5}$/

export type ErrorSummary = {
  /** SQLSTATE, Medusa error type, Node system code or HTTP status; "error" when there is none. */
  code: string
  /** The SQLSTATE when a database refused, found on the error or its causes. */
  sqlState: string | null
  /** A retry with the same data would fail the same way. */
  permanent: boolean
  /** `Class[code]: short message` — safe to log and to store. */
  text: string
}

export function summarizeError(error: unknown): ErrorSummary {
  const e = (typeof error === "object" && error !== null ? error : {}) as Record<string, unknown>
  const name = safeName(typeof error === "object" && error !== null ? e.name ?? error.constructor?.name : undefined)
  const sqlState = sqlStateOf(error)
  const code = sqlState ?? errorCode(e)
  if (sqlState || isDatabaseError(e)) {
    // The message is the SQL with its values: nothing of it is kept.
    const cls = sqlState ? SQLSTATE_CLASSES[sqlState.slice(0, 2)] : undefined
    return {
      code,
      sqlState,
      permanent: !!sqlState && PERMANENT_CLASSES.has(sqlState.slice(0, 2)),
      text: `${name}[${code}]${cls ? ` (${cls})` : ""}`,
    }
  }
  const message = typeof e.message === "string" ? e.message : typeof error === "string" ? error : ""
  const scrubbed = scrub(message)
  return { code, sqlState: null, permanent: false, text: `${name}${code === "error" ? "" : `[${code}]`}${scrubbed ? `: ${scrubbed}` : ""}` }
}

/** `summarizeError(error).text`, for a log line or an error column. */
export function describeError(error: unknown): string {
  return summarizeError(error).text
}

/** Bounds a composed note for storage or logs. */
export function boundNote(note: string, max = MAX_ERROR_NOTE): string {
  return note.length > max ? `${note.slice(0, max - 1)}…` : note
}

function sqlStateOf(error: unknown): string | null {
  for (let e: any = error, depth = 0; e && typeof e === "object" && depth < 4; e = e.cause ?? e.previous, depth++) {
    for (const candidate of [e.sqlState, e.code]) {
      if (typeof candidate === "string" && SQLSTATE.test(candidate) && /\d/.test(candidate)) return candidate
    }
  }
  return null
}

function errorCode(e: Record<string, unknown>): string {
  for (const key of ["code", "type", "status", "statusCode"]) {
    const value = e[key]
    if ((typeof value === "string" && /^[A-Za-z0-9_.-]{1,40}$/.test(value)) || (typeof value === "number" && Number.isInteger(value))) {
      return String(value)
    }
  }
  return "error"
}

/** MikroORM's DriverException family and knex errors that quote SQL without a SQLSTATE. */
function isDatabaseError(e: Record<string, unknown>): boolean {
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
