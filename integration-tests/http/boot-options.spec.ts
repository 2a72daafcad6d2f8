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
