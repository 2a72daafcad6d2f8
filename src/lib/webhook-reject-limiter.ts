import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible"

export type RejectLimit = { perIp: number; windowSeconds: number }

/**
 * Counts, per client IP, webhook POSTs that FAILED signature verification
 * (rate-limiter-flexible's in-memory fixed window). Valid requests are never
 * counted and never refused: a blocked IP whose request verifies is still
 * accepted, so Meta's traffic cannot be limited by someone sharing its
 * address (or a proxy's). Once an IP is over the bound, its requests with no
 * well-formed signature header are refused before the body is read.
 */
export class WebhookRejectLimiter {
  private readonly limiter: RateLimiterMemory

  constructor(private readonly limit: RejectLimit) {
    this.limiter = new RateLimiterMemory({ keyPrefix: "whatsapp-webhook-reject", points: limit.perIp, duration: limit.windowSeconds })
  }

  /** True while this IP has used up its failures for the current window. */
  async isBlocked(ip: string): Promise<boolean> {
    const state = await this.limiter.get(ip)
    return !!state && state.consumedPoints >= this.limit.perIp
  }

  /** Records one failed verification; true when this one is over the bound (answer 429). */
  async recordFailure(ip: string): Promise<boolean> {
    try {
      await this.limiter.consume(ip)
      return false
    } catch (error) {
      if (error instanceof RateLimiterRes) return true
      throw error
    }
  }

  /** Seconds until this IP's window ends (for Retry-After). */
  async retryAfterSeconds(ip: string): Promise<number> {
    const state = await this.limiter.get(ip)
    return Math.max(1, Math.ceil((state?.msBeforeNext ?? this.limit.windowSeconds * 1000) / 1000))
  }
}
