import { PassThrough } from "node:stream"
const { formatLogLine, prefixLines } = require("../log-lines")

describe("formatLogLine", () => {
  it("shortens Medusa's access-log line to method, path, status and time", () => {
    const line = JSON.stringify({ level: "http", client_ip: "127.0.0.1", method: "POST", path: "/whatsapp/webhook", status: 200, duration: 3.6, user_agent: "x" })
    expect(formatLogLine(line)).toBe("http  POST /whatsapp/webhook 200 (4 ms)")
  })

  it("shows level and message, other fields as JSON and a stack on its own lines", () => {
    expect(formatLogLine(JSON.stringify({ level: "info", message: "Server is ready", timestamp: "t", activity_id: "a" }))).toBe("info  Server is ready")
    expect(formatLogLine(JSON.stringify({ level: "warn", message: "slow", ms: 5 }))).toBe('warn  slow {"ms":5}')
    expect(formatLogLine(JSON.stringify({ level: "error", message: "boom", stack: "Error: boom\n    at x" }))).toBe("error boom\nError: boom\n    at x")
  })

  it("leaves any other line as it is", () => {
    expect(formatLogLine("plain text")).toBe("plain text")
    expect(formatLogLine("42")).toBe("42")
    expect(formatLogLine('{"no":"level"}')).toBe('{"no":"level"}')
  })
})

describe("prefixLines", () => {
  it("prefixes every line, also one split across chunks and a last one without newline", async () => {
    const stream = new PassThrough()
    let out = ""
    prefixLines(stream, "worker-1", { write: (s: string) => (out += s) })
    stream.write('{"level":"info","mess')
    stream.write('age":"one"}\ntwo\nthr')
    stream.end("ee")
    await new Promise((r) => stream.on("end", r))
    await new Promise((r) => setImmediate(r))
    expect(out).toBe("[worker-1] info  one\n[worker-1] two\n[worker-1] three\n")
  })
})
