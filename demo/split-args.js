// `npm run demo -- --workers M [--servers N] [--verbose]`: the demo as
// Medusa's split topology. Without --workers the demo is one process.

function wholeNumber(flag, value) {
  const n = Number(value)
  if (!/^\d+$/.test(String(value ?? "")) || n < 1) throw new Error(`${flag} needs a whole number of at least 1 (got ${value ?? "nothing"})`)
  return n
}

/** The split the arguments ask for, or null for the single-process demo. */
function parseSplitArgs(args) {
  const values = {}
  let verbose = false
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s)
    if (flag === "--workers" || flag === "--servers") {
      values[flag] = inline ?? args[++i]
    } else if (flag === "--verbose") {
      verbose = true
    }
  }
  if (!("--workers" in values)) {
    if ("--servers" in values) throw new Error("--servers needs --workers (without it the demo is one process)")
    return null
  }
  return {
    workers: wholeNumber("--workers", values["--workers"]),
    servers: "--servers" in values ? wholeNumber("--servers", values["--servers"]) : 2,
    verbose,
  }
}

/** One entry per `medusa start`, servers first: its log tag and worker mode. */
function splitProcesses({ servers, workers }) {
  return [
    ...Array.from({ length: servers }, (_, i) => ({ tag: `server-${i + 1}`, mode: "server" })),
    ...Array.from({ length: workers }, (_, i) => ({ tag: `worker-${i + 1}`, mode: "worker" })),
  ]
}

module.exports = { parseSplitArgs, splitProcesses }
