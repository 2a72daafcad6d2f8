// eslint-disable-next-line @typescript-eslint/no-var-requires
const { plan, onPath } = require("../ensure-test-deps")

/** The pretest's decision, with the machine's facts injected. */
describe("ensure-test-deps plan", () => {
  const all = { chromium: true, emojiFont: true, redisServer: true }
  const none = { chromium: false, emojiFont: false, redisServer: false }

  it("does nothing when everything is installed", () => {
    expect(plan({ env: {}, present: all, root: false, sudo: false, aptGet: false })).toMatchObject({ action: "ok", packages: [] })
  })

  it("installs only what is missing, as root, with apt-get update first", () => {
    const decision = plan({ env: {}, present: { ...all, chromium: false, emojiFont: false }, root: true, sudo: false, aptGet: true })
    expect(decision).toMatchObject({ action: "install", packages: ["chromium", "fonts-noto-color-emoji"] })
    expect(decision.commands).toEqual([
      ["apt-get", "update"],
      ["apt-get", "install", "-y", "chromium", "fonts-noto-color-emoji"],
    ])
    expect(decision.command).toBe("apt-get update && apt-get install -y chromium fonts-noto-color-emoji")
  })

  it("installs through passwordless sudo when not root", () => {
    const decision = plan({ env: {}, present: { ...all, redisServer: false }, root: false, sudo: true, aptGet: true })
    expect(decision.action).toBe("install")
    expect(decision.commands).toEqual([
      ["sudo", "-n", "apt-get", "update"],
      ["sudo", "-n", "apt-get", "install", "-y", "redis-server"],
    ])
  })

  it("stops with the exact command when it may not install", () => {
    const decision = plan({ env: {}, present: none, root: false, sudo: false, aptGet: true })
    expect(decision).toMatchObject({ action: "stop", packages: ["chromium", "fonts-noto-color-emoji", "redis-server"] })
    expect(decision.command).toBe("sudo apt-get update && sudo apt-get install -y chromium fonts-noto-color-emoji redis-server")
    expect(decision.message).toContain(decision.command)
    expect(decision.message).toContain("no passwordless sudo")
  })

  it("stops when there is no apt-get, even as root", () => {
    const decision = plan({ env: {}, present: { ...all, chromium: false }, root: true, sudo: false, aptGet: false })
    expect(decision).toMatchObject({ action: "stop", command: "apt-get update && apt-get install -y chromium" })
    expect(decision.message).toContain("apt-get is not on this machine")
  })

  it("does not ask for redis-server when REDIS_URL names a server", () => {
    expect(plan({ env: { REDIS_URL: "redis://127.0.0.1:6379" }, present: { ...all, redisServer: false }, root: false, sudo: false, aptGet: false }).action).toBe("ok")
    expect(plan({ env: { REDIS_URL: "redis://127.0.0.1:6379" }, present: none, root: true, sudo: false, aptGet: true }).packages).toEqual(["chromium", "fonts-noto-color-emoji"])
  })

  it("cannot fix a custom CHROMIUM_PATH that does not exist, and says so", () => {
    const decision = plan({ env: { CHROMIUM_PATH: "/opt/chrome/chrome" }, present: { ...all, chromium: false }, root: true, sudo: false, aptGet: true })
    expect(decision).toMatchObject({ action: "stop", packages: [] })
    expect(decision.message).toContain("CHROMIUM_PATH=/opt/chrome/chrome does not exist")
    expect(plan({ env: { CHROMIUM_PATH: "/usr/bin/chromium" }, present: { ...all, chromium: false }, root: true, sudo: false, aptGet: true }).action).toBe("install")
  })

  it("skips everything with SKIP_TEST_DEPS=1 but not with SKIP_TEST_DEPS=0", () => {
    expect(plan({ env: { SKIP_TEST_DEPS: "1" }, present: none, root: false, sudo: false, aptGet: false }).action).toBe("skip")
    expect(plan({ env: { SKIP_TEST_DEPS: "0" }, present: none, root: false, sudo: false, aptGet: false }).action).toBe("stop")
  })
})

describe("onPath", () => {
  it("finds an executable on PATH and not a missing one", () => {
    expect(onPath("node", { PATH: require("node:path").dirname(process.execPath) })).toBe(true)
    expect(onPath("surely-not-a-command-here", { PATH: "/usr/bin:/bin" })).toBe(false)
    expect(onPath(process.execPath, { PATH: "" })).toBe(true)
  })
})
