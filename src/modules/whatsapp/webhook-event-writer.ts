import type { SqlRunner } from "./sql/ingest"
import { insertWebhookEvents } from "./sql/webhook-events"

type Pending = { rawBody: Buffer; phoneNumberIds: string[]; resolve: (id: string) => void; reject: (error: unknown) => void }

const MAX_BATCH = 200

/**
 * Group commit for webhook intake: every POST that arrives in the same turn
 * of the event loop is stored by one multi-row INSERT, and each request is
 * answered only after that INSERT committed. Same guarantee as one insert
 * per request (nothing acknowledged is unstored), a fraction of the cost.
 */
export class WebhookEventWriter {
  private queue: Pending[] = []
  private scheduled = false

  constructor(private readonly db: SqlRunner) {}

  store(rawBody: Buffer, phoneNumberIds: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      this.queue.push({ rawBody, phoneNumberIds, resolve, reject })
      if (!this.scheduled) {
        this.scheduled = true
        setImmediate(() => this.flush())
      }
    })
  }

  private async flush() {
    this.scheduled = false
    while (this.queue.length) {
      const batch = this.queue.splice(0, MAX_BATCH)
      // Batches are written concurrently; each settles its own requests.
      insertWebhookEvents(this.db, batch).then(
        (ids) => batch.forEach((item, i) => item.resolve(ids[i])),
        (error) => batch.forEach((item) => item.reject(error))
      )
    }
  }
}
