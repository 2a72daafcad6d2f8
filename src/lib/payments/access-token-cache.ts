export type IssuedToken = { accessToken: string; expiresInSeconds: number }

/**
 * One OAuth access token, reused until shortly before it expires (PayPal's
 * client-credentials tokens live `expires_in` seconds, about nine hours).
 * Callers that ask together while none is valid share one request.
 */
export class AccessTokenCache {
  private token_: { value: string; renewAt: number } | null = null
  private pending_: Promise<string> | null = null

  constructor(
    private readonly fetchToken: () => Promise<IssuedToken>,
    private readonly now: () => number = Date.now,
    /** Renew this long before expiry, so a token never expires in flight. */
    private readonly marginSeconds = 300
  ) {}

  async get(): Promise<string> {
    if (this.token_ && this.now() < this.token_.renewAt) return this.token_.value
    this.pending_ ??= this.fetchToken()
      .then(({ accessToken, expiresInSeconds }) => {
        const life = Math.max(0, expiresInSeconds - Math.min(this.marginSeconds, expiresInSeconds / 2))
        this.token_ = { value: accessToken, renewAt: this.now() + life * 1000 }
        return accessToken
      })
      .finally(() => {
        this.pending_ = null
      })
    return this.pending_
  }

  /** PayPal refused the token (revoked, rotated credentials): the next call fetches a new one. */
  invalidate(value: string) {
    if (this.token_?.value === value) this.token_ = null
  }
}
