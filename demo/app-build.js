// The demo runs as a merchant runs Medusa in production: `medusa build`
// compiles the app and the admin (with the plugin's extensions) into
// demo/.medusa/server, and `medusa start` serves that with NODE_ENV=production.
// The build takes a while, so it runs only when its inputs changed: a hash of
// the plugin's build output, the demo app's own files and the installed
// package versions is kept next to the output.
const { spawn } = require("node:child_process")
const crypto = require("node:crypto")
const fs = require("node:fs")
const path = require("node:path")
const lockfile = require("proper-lockfile")

const demoDir = __dirname
const root = path.resolve(demoDir, "..")
const outDir = path.join(demoDir, ".medusa/server")
// Next to the output, not in the state dir: every state dir of this checkout
// shares the one build, so the stamp has to describe the build itself.
const stampFile = path.join(outDir, ".demo-build.json")

function filesUnder(dir) {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
}

/** Hash of everything the build reads that can change between two starts. */
function buildInputsHash() {
  // The plugin's admin bundle (src/admin/index.*) differs from one
  // `plugin:build` to the next even when nothing changed, so its sources
  // stand in for it.
  const pluginAdminBundle = path.join(root, ".medusa/server/src/admin")
  const files = [
    ...filesUnder(path.join(root, ".medusa/server")).filter((f) => !f.startsWith(pluginAdminBundle + path.sep)),
    ...filesUnder(path.join(root, "src/admin")),
    ...filesUnder(path.join(demoDir, "src")),
    path.join(demoDir, "medusa-config.ts"),
    path.join(demoDir, "package.json"),
    path.join(demoDir, "tsconfig.json"),
    path.join(root, "package-lock.json"),
  ].sort()
  const hash = crypto.createHash("sha256")
  for (const file of files) {
    hash.update(path.relative(root, file)).update("\0")
    hash.update(fs.readFileSync(file)).update("\0")
  }
  hash.update(process.version)
  return hash.digest("hex")
}

function currentStamp() {
  try {
    return JSON.parse(fs.readFileSync(stampFile, "utf8")).inputs
  } catch {
    return null
  }
}

/**
 * Builds the app and admin unless the last build had the same inputs.
 * Resolves `{ built, seconds }`; the build's output goes to `logFile`.
 */
async function ensureAppBuild(options) {
  // Two demos started at once from one checkout (a person, or the test suite on
  // two workers) share the build: one builds, the other waits, then finds it
  // current. proper-lockfile keeps the lock fresh while a build runs and takes
  // over one left by a process that died.
  fs.mkdirSync(demoDir, { recursive: true })
  const release = await lockfile.lock(demoDir, {
    lockfilePath: path.join(demoDir, ".medusa-build.lock"),
    realpath: false,
    stale: 30_000,
    retries: { retries: 1_000, minTimeout: 250, maxTimeout: 1_000 },
  })
  try {
    return await buildUnlessCurrent(options)
  } finally {
    await release()
  }
}

async function buildUnlessCurrent({ medusaBin, env, log, track = () => {} }) {
  const inputs = buildInputsHash()
  if (currentStamp() === inputs && fs.existsSync(path.join(outDir, "public/admin/index.html"))) {
    linkStatic()
    return { built: false, seconds: 0 }
  }
  const started = Date.now()
  log("building the store and its admin for production (medusa build; only when the plugin or the demo changed)")
  const output = []
  const code = await new Promise((resolve, reject) => {
    // Medusa's admin bundler finds a plugin's admin bundle with require.resolve from
    // its own folder, to scan it for Tailwind classes. In an app, the plugin sits in
    // the same node_modules and is found; here the bundler is the plugin repo's and
    // the plugin is linked into demo/node_modules, so point Node there as npm would.
    const buildEnv = { ...env, NODE_PATH: [path.join(demoDir, "node_modules"), env.NODE_PATH].filter(Boolean).join(path.delimiter) }
    const child = spawn(medusaBin, ["build"], { cwd: demoDir, env: buildEnv, stdio: ["ignore", "pipe", "pipe"], detached: true })
    track(child)
    child.stdout.on("data", (c) => output.push(c))
    child.stderr.on("data", (c) => output.push(c))
    child.on("error", reject)
    child.on("exit", resolve)
  })
  const text = Buffer.concat(output).toString()
  if (code !== 0 || /completed with errors/.test(text) || !fs.existsSync(path.join(outDir, "public/admin/index.html"))) {
    process.stdout.write(text)
    throw new Error(`medusa build failed (exit ${code})`)
  }
  fs.writeFileSync(stampFile, JSON.stringify({ inputs, built_at: new Date().toISOString() }, null, 2))
  linkStatic()
  return { built: true, seconds: (Date.now() - started) / 1000 }
}

/** Medusa serves /static from the directory it runs in: the demo's product images. */
function linkStatic() {
  const link = path.join(outDir, "static")
  try {
    fs.symlinkSync(path.join(demoDir, "static"), link, "dir")
  } catch (error) {
    if (error.code !== "EEXIST") throw error
  }
}

module.exports = { ensureAppBuild, appDir: outDir }
