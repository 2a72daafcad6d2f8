// Records every webhook event a fake generates (the exact raw body and signed
// headers) and POSTs it to the provider's webhookUrl. Delivery never throws.
const http = require("node:http")
const https = require("node:https")

const DELIVERY_TIMEOUT_MS = 5000

function post(url, body, headers) {
  return new Promise((resolve) => {
    let target
    try {
      target = new URL(url)
    } catch {
      resolve({ status: 0, error: "invalid webhook url" })
      return
    }
    const lib = target.protocol === "https:" ? https : http
    const req = lib.request(
      target,
      { method: "POST", agent: false, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers } },
      (res) => {
        res.resume()
        res.on("end", () => resolve({ status: res.statusCode }))
        res.on("error", (e) => resolve({ status: res.statusCode, error: e.message }))
      }
    )
    req.setTimeout(DELIVERY_TIMEOUT_MS, () => req.destroy(new Error(`timed out after ${DELIVERY_TIMEOUT_MS} ms`)))
    req.on("error", (e) => resolve({ status: 0, error: e.message }))
    req.end(body)
  })
}

/**
 * @param getConfig () => current config
 * @param state     shared state; events are appended to state.events
 */
function createEventLog(getConfig, state) {
  async function deliver(event) {
    const config = getConfig()
    const url = config[event.provider]?.webhookUrl
    if (!url || config.deliverWebhooks === false) return event
    const result = await post(url, event.body, event.headers)
    event.delivered_status = result.status
    event.delivery_attempts = (event.delivery_attempts || 0) + 1
    if (result.error) event.delivery_error = result.error
    else delete event.delivery_error
    return event
  }

  /**
   * Records one event and delivers it. With wait=false delivery runs in the
   * background (like the real services after an API call); the record is
   * still available at once through state.events.
   */
  async function emit(provider, { type, id, body, headers }, { wait = true } = {}) {
    const event = { provider, type, id, body, headers, delivered_status: null, created_at: new Date().toISOString() }
    state.events.push(event)
    const done = deliver(event).catch(() => event)
    if (wait) await done
    return event
  }

  return { emit, deliver }
}

/** The view of an event handed back by control endpoints. */
const eventView = (e) => ({ type: e.type, id: e.id, body: e.body, headers: e.headers, delivered_status: e.delivered_status })

module.exports = { createEventLog, eventView }
