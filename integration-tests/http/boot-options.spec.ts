import { spawnSync } from "node:child_process"
import path from "node:path"

const root = path.resolve(__dirname, "../..")
const host = path.join(root, "integration-tests/host")

/** Boots the host app with `medusa start`, exactly as a merchant would. */
function startHost(env: Record<string, string>) {
  const { DB_HOST, DB_PORT = "5432", DB_USERNAME = "postgres", DB_PASSWORD = "" } = process.env
  const auth = DB_PASSWORD ? `${DB_USERNAME}:${encodeURIComponent(DB_PASSWORD)}` : DB_USERNAME
  return spawnSync(process.execPath, [path.join(root, "node_modules/.bin/medusa"), "start"], {
    cwd: host,
    encoding: "utf8",
    timeout: 120_000,
    env: {
      ...process.env,
      NODE_OPTIONS: "",
      DATABASE_URL: `postgres://${auth}@${DB_HOST}:${DB_PORT}/postgres`,
      // Nobody should connect: boot must stop before the server listens.
      PORT: "1",
      ...env,
    },
  })
}

describe("plugin options at boot", () => {
  it.each([
    ["encryptionKey", { WHATSAPP_ENCRYPTION_KEY: "too-short" }, "encryptionKey: must be 32 bytes"],
    ["graphApiUrl", { WHATSAPP_GRAPH_API_URL: "not a url" }, "graphApiUrl"],
    ["verifyToken", { WHATSAPP_VERIFY_TOKEN: "short" }, "verifyToken: must be at least 8 characters"],
  ])("a bad %s stops boot with a message naming it", (_name, env, expected) => {
    const result = startHost(env)
    const output = `${result.stdout}\n${result.stderr}`
    expect(result.status).not.toBe(0)
    expect(output).toContain("invalid plugin options")
    expect(output).toContain(expected)
  })
})

describe("the store's Redis at boot", () => {
  it("stops boot with a message naming REDIS_URL when nothing answers there", async () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { freePort } = require(path.join(root, "scripts/embedded-postgres.js"))
    const closed = await freePort()
    const result = startHost({ WHATSAPP_IT_REDIS_URL: `redis://default:s3cret@127.0.0.1:${closed}`, MEDUSA_WORKER_MODE: "server" })
    const output = `${result.stdout}\n${result.stderr}`
    expect(result.status).not.toBe(0)
    expect(output).toContain(`Redis is unreachable at REDIS_URL redis://default:***@127.0.0.1:${closed}: ECONNREFUSED`)
    expect(output).not.toContain("s3cret")
  })

  it("stops boot when publicUrl is plain http on a public host in production", () => {
    const result = startHost({ WHATSAPP_PUBLIC_URL: "http://shop.example", NODE_ENV: "production" })
    const output = `${result.stdout}\n${result.stderr}`
    expect(result.status).not.toBe(0)
    expect(output).toContain("publicUrl: must be https in production")
  })
})
