import http from "node:http"

/** A stand-in store endpoint that records every webhook the sandbox posts (raw body and signature) and answers 200. */
export function webhookReceiver() {
  const received: { body: string; signature: string }[] = []
  const server = http.createServer((req, res) => {
    let body = ""
    req.on("data", (c) => (body += c))
    req.on("end", () => {
      received.push({ body, signature: String(req.headers["x-hub-signature-256"]) })
      res.writeHead(200).end("ok")
    })
  })
  return {
    received,
    /** Listens on a free port; resolves with the webhook URL to give the sandbox. */
    async start(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
      return `http://127.0.0.1:${(server.address() as any).port}/whatsapp/webhook`
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}
