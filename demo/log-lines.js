// In split mode every process's output goes to one terminal: each line gets
// the process's tag, and Medusa's production JSON lines are shortened to
// what a reader follows (level and message; method, path, status and time
// for an access-log line).

/** One of Medusa's JSON log lines as short text; any other line unchanged. */
function formatLogLine(line) {
  let entry
  try {
    entry = JSON.parse(line)
  } catch {
    return line
  }
  if (!entry || typeof entry !== "object" || typeof entry.level !== "string") return line
  if (entry.level === "http" && entry.method && entry.path) {
    return `http  ${entry.method} ${entry.path} ${entry.status} (${Math.round(Number(entry.duration) || 0)} ms)`
  }
  const { level, message, timestamp, activity_id, stack, ...rest } = entry
  const extra = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : ""
  return `${level.padEnd(5)} ${message ?? ""}${extra}${stack ? `\n${stack}` : ""}`
}

/** Writes `stream`'s lines to `out`, each formatted and prefixed with `[tag]`. */
function prefixLines(stream, tag, out) {
  let pending = ""
  const write = (line) => {
    for (const part of formatLogLine(line).split("\n")) out.write(`[${tag}] ${part}\n`)
  }
  stream.setEncoding("utf8")
  stream.on("data", (chunk) => {
    const lines = (pending + chunk).split("\n")
    pending = lines.pop()
    lines.forEach(write)
  })
  stream.on("end", () => pending && write(pending))
}

module.exports = { formatLogLine, prefixLines }
