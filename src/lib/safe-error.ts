/**
 * What may be stored or logged about a failure: the error's class and codes,
 * never its message. Driver errors quote the SQL and its parameters (phone
 * numbers, message text, payloads), and a message may itself contain the NUL
 * that made the insert fail, so the text of an error is never kept.
 */

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

export const MAX_ERROR_NOTE = 500

const SQLSTATE = /^[0-9A-Z]{5}$/
const SAFE_WORD = /^[A-Za-z0-9_.:-]{1,60}$/

function sqlStateOf(error: unknown): string | null {
  for (let e: any = error, depth = 0; e && typeof e === "object" && depth < 4; e = e.cause ?? e.previous, depth++) {
    for (const candidate of [e.sqlState, e.code]) {
      if (typeof candidate === "string" && SQLSTATE.test(candidate)) return candidate
    }
  }
  return null
}

export type SafeErrorDescription = { note: string; sqlState: string | null; permanent: boolean }

/** A short, content-free description of an error: its name, SQLSTATE and class, or code. */
export function describeError(error: unknown): SafeErrorDescription {
  const sqlState = sqlStateOf(error)
  const name = error instanceof Error && SAFE_WORD.test(error.name) ? error.name : "Error"
  const code = (error as { code?: unknown })?.code
  let note: string
  if (sqlState) {
    const cls = SQLSTATE_CLASSES[sqlState.slice(0, 2)] ?? "database error"
    note = `${name}: PostgreSQL ${sqlState} (${cls})`
  } else {
    note = typeof code === "string" && SAFE_WORD.test(code) ? `${name}: ${code}` : name
  }
  return { note: boundNote(note), sqlState, permanent: !!sqlState && PERMANENT_CLASSES.has(sqlState.slice(0, 2)) }
}

/** Bounds a note for storage or logs (callers compose notes from ids and codes only). */
export function boundNote(note: string, max = MAX_ERROR_NOTE): string {
  return note.length > max ? `${note.slice(0, max - 1)}…` : note
}
