#!/usr/bin/env node
// `npm test`'s pretest: provides what the test suite needs from Debian before any
// test runs, so `npm install && npm test` passes on a machine that never had them.
//
//   chromium                the browser specs drive /usr/bin/chromium with playwright-core
//                           (never a downloaded browser)
//   fonts-noto-color-emoji  emoji in the browser specs' screenshots
//   redis-server            tests start Debian's redis-server on a free port unless REDIS_URL is set
//
// Missing ones are installed with apt-get when this process may (root, or passwordless
// sudo); otherwise it stops before any test with the exact command to run.
// SKIP_TEST_DEPS=1 skips the check.
const fs = require("node:fs")
const path = require("node:path")
const { spawnSync } = require("node:child_process")

const DEFAULT_CHROMIUM = "/usr/bin/chromium"

const REQUIREMENTS = [
  { key: "chromium", pkg: "chromium", what: "Chromium for the browser specs" },
  { key: "emojiFont", pkg: "fonts-noto-color-emoji", what: "the emoji font for their screenshots" },
  { key: "redisServer", pkg: "redis-server", what: "redis-server, which tests start unless REDIS_URL is set" },
]

/**
 * What to do, from what is there. Pure: every fact comes in `facts`.
 *   facts.env        the environment (SKIP_TEST_DEPS, REDIS_URL, CHROMIUM_PATH)
 *   facts.present    { chromium, emojiFont, redisServer } → boolean
 *   facts.root, facts.sudo, facts.aptGet → boolean (may install as root / with `sudo -n` / apt-get exists)
 * Returns { action: "skip" | "ok" | "install" | "stop", missing, packages, commands, command, message }.
 */
function plan(facts) {
  const { env = {}, present = {}, root = false, sudo = false, aptGet = false } = facts
  if (env.SKIP_TEST_DEPS && env.SKIP_TEST_DEPS !== "0") return { action: "skip", missing: [], packages: [], message: "SKIP_TEST_DEPS is set: not checking Chromium, the emoji font or redis-server." }
  const needed = REQUIREMENTS.filter((r) => !(r.key === "redisServer" && env.REDIS_URL))
  const missing = needed.filter((r) => !present[r.key])
  if (!missing.length) return { action: "ok", missing: [], packages: [] }

  // A custom CHROMIUM_PATH that does not exist is not something apt-get can fix.
  if (env.CHROMIUM_PATH && env.CHROMIUM_PATH !== DEFAULT_CHROMIUM && missing.some((r) => r.key === "chromium")) {
    return { action: "stop", missing: missing.map((r) => r.key), packages: [], message: `CHROMIUM_PATH=${env.CHROMIUM_PATH} does not exist. Point it at a Chromium binary, or unset it to use Debian's ${DEFAULT_CHROMIUM}.` }
  }

  const packages = missing.map((r) => r.pkg)
  const lines = missing.map((r) => `  - ${r.what} (Debian package ${r.pkg})`).join("\n")
  const prefix = root ? "" : "sudo "
  const command = `${prefix}apt-get update && ${prefix}apt-get install -y ${packages.join(" ")}`
  if (aptGet && (root || sudo)) {
    const run = (args) => (root ? ["apt-get", ...args] : ["sudo", "-n", "apt-get", ...args])
    return {
      action: "install",
      missing: missing.map((r) => r.key),
      packages,
      command,
      commands: [run(["update"]), run(["install", "-y", ...packages])],
      message: `Missing:\n${lines}\nInstalling: ${command}`,
    }
  }
  const why = !aptGet ? "apt-get is not on this machine" : "this user is not root and has no passwordless sudo"
  return {
    action: "stop",
    missing: missing.map((r) => r.key),
    packages,
    command,
    message: `Missing:\n${lines}\nCannot install them here (${why}). Run:\n\n  ${command}\n\nthen \`npm test\` again (or set SKIP_TEST_DEPS=1 to run the tests without them; the browser specs will fail).`,
  }
}

/** Is `name` an executable file on PATH (or at an absolute path)? */
function onPath(name, env = process.env) {
  const candidates = path.isAbsolute(name) ? [name] : (env.PATH ?? "").split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, name))
  return candidates.some((file) => {
    try {
      fs.accessSync(file, fs.constants.X_OK)
      return fs.statSync(file).isFile()
    } catch {
      return false
    }
  })
}

function hasEmojiFont() {
  const listed = spawnSync("fc-list", [":family=Noto Color Emoji", "family"], { encoding: "utf8" })
  if (listed.status === 0 && /noto color emoji/i.test(listed.stdout)) return true
  return fs.existsSync("/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf")
}

/** The real machine's facts. */
function probe(env = process.env) {
  const root = typeof process.getuid === "function" && process.getuid() === 0
  return {
    env,
    present: {
      chromium: onPath(env.CHROMIUM_PATH || DEFAULT_CHROMIUM, env),
      emojiFont: hasEmojiFont(),
      redisServer: onPath("redis-server", env),
    },
    root,
    aptGet: onPath("apt-get", env),
    sudo: !root && onPath("sudo", env) && spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status === 0,
  }
}

function main() {
  const log = (text) => console.log(text.replace(/^/gm, "[test deps] "))
  const decision = plan(probe())
  if (decision.action === "skip") return log(decision.message)
  if (decision.action === "ok") return log("Chromium, the emoji font and redis-server are installed.")
  if (decision.action === "stop") {
    console.error(decision.message.replace(/^/gm, "[test deps] "))
    process.exit(1)
  }
  log(decision.message)
  const started = Date.now()
  for (const [cmd, ...args] of decision.commands) {
    // DPkg::Lock::Timeout waits for another apt run on this machine instead of failing at once.
    const result = spawnSync(cmd, [...args, "-o", "DPkg::Lock::Timeout=300"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    })
    if (result.status !== 0) {
      console.error(`[test deps] \`${[cmd, ...args].join(" ")}\` failed (exit ${result.status ?? result.signal}). Run yourself:\n\n  ${decision.command}\n`)
      process.exit(1)
    }
  }
  const after = plan(probe())
  if (after.action !== "ok") {
    console.error(`[test deps] Still missing after apt-get: ${after.missing.join(", ")}.`)
    process.exit(1)
  }
  log(`Installed ${decision.packages.join(", ")} in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
}

if (require.main === module) main()

module.exports = { plan, probe, onPath, REQUIREMENTS }
