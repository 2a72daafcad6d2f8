/**
 * What may be logged or stored about a failure: its kind and code, never the
 * data it was working on. Database drivers put the whole statement, with its
 * parameters inlined (phone numbers, message texts, payloads), into the error
 * message, and that message may itself hold the NUL that made an insert
 * fail; other errors quote what they were given. So an error is reduced to
 * its class and code (for a database error: SQLSTATE and its class); the
 * message is never kept. Ids go beside it, written by the caller.
 */

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
  /** `Class[code]`, with the SQLSTATE class for a database error — safe to log and to store. */
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
  // Other messages quote what they were given (a customer's text, a number, a link): only the kind and code are kept.
  return { code, sqlState: null, permanent: false, text: `${name}${code === "error" ? "" : `[${code}]`}` }
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
