// Each spec file boots its own Medusa; MikroORM keeps entity metadata in a
// process-wide store that must start empty.
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")
const net = require("node:net")

MetadataStorage.clear()
jest.setTimeout(180_000)
process.env.MEDUSA_DISABLE_TELEMETRY = "true"
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? "error"

// Servers started by the tests (Medusa's test app, the sandbox) must not be
// reachable from outside this machine. Medusa's test runner calls
// `app.listen(port)` with no host, so bind unqualified listens to loopback.
const listen = net.Server.prototype.listen
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === "number" && (args.length === 1 || typeof args[1] === "function")) {
    args.splice(1, 0, "127.0.0.1")
  }
  return listen.apply(this, args)
}
