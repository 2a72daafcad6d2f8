import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/**
 * Reads the request body as the exact bytes received (up to `limit`), with
 * no parsing: Meta signs those bytes, and a signed body that is not valid
 * JSON must still be stored rather than rejected by a JSON parser.
 */
export function rawBody(limit: number) {
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const declared = Number(req.headers["content-length"])
    if (Number.isFinite(declared) && declared > limit) {
      res.status(413).json({ type: "payload_too_large", message: `Body larger than ${limit} bytes` })
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    let done = false
    req.on("data", (chunk: Buffer) => {
      size += chunk.length
      if (size > limit && !done) {
        done = true
        res.status(413).json({ type: "payload_too_large", message: `Body larger than ${limit} bytes` })
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on("end", () => {
      if (done) return
      done = true
      ;(req as MedusaRequest & { rawBody: Buffer }).rawBody = Buffer.concat(chunks)
      next()
    })
    req.on("error", (error) => {
      if (!done) {
        done = true
        next(error)
      }
    })
  }
}
