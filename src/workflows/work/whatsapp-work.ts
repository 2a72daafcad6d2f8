import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { type Lane, WorkDrain } from "../../lib/work/drain"
import { describeError } from "../../lib/safe-error"
import { WHATSAPP_MODULE } from "../../modules/whatsapp"
import type WhatsAppModuleService from "../../modules/whatsapp/service"
import type { ClaimedInbound, ClaimedMedia, ClaimedOutbound, ClaimedWebhookEvent, WorkKind } from "../../modules/whatsapp/types"
import { syncCatalogChanges } from "../catalog/sync-catalog-changes"
import { processWebhookEvents } from "../channel/run-webhook-event"
import { handleInboundMessage } from "../selling/handle-inbound-message"
import { downloadInboundMedia } from "../media/download-inbound-media"
import { embedProducts, queueProductsWithoutEmbeddings } from "../search/embed-products"
import { type ClaimedAutomationRun, runClaimedAutomation } from "../automations/run-automations"

/** Webhook events per workflow run: batching is what keeps intake fast under load. */
const WEBHOOK_BATCH = 200
/** After a partial batch under load, wait this long so the next batch is fuller. */
const WEBHOOK_COALESCE_MS = 50
/**
 * Sends in flight per process. A send mostly waits for its booked slot on
 * the number's shared schedule, so this bounds how far ahead one process
 * books, not how fast it sends.
 */
const SEND_CONCURRENCY = 32
/** Media downloads in flight per process: each holds one file (up to 100 MB) in memory. */
const MEDIA_CONCURRENCY = 2
/** Automation runs in flight per process: each loads its facts and queues its actions. */
const AUTOMATION_CONCURRENCY = 8
/** Variants per incremental sync run. */
const CATALOG_BATCH = 10_000
/** Products per embedding run (the client splits them into the provider's request batches). */
const EMBEDDING_BATCH = 256

/** Each kind of work with its handler; see WorkDrain for the loop that drives them. */
function lanes(container: MedusaContainer): Lane<any>[] {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const lane = <T>(kind: WorkKind, batch: number, concurrency: number, run: (items: T[]) => Promise<{ retryInMs?: number | null } | void>, coalesceMs?: number): Lane<T> => ({
    kind,
    batch,
    concurrency,
    coalesceMs,
    claim: (limit, sweep) => whatsapp.claimWork<T>(kind, limit, { sweep }),
    run,
  })
  return [
    lane<ClaimedWebhookEvent>("webhook_event", WEBHOOK_BATCH, 1, (events) => processWebhookEvents(container, events), WEBHOOK_COALESCE_MS),
    // Answers run a few at a time (`answerConcurrency`): each is a search and a workflow or two.
    lane<ClaimedInbound>("inbound_message", 1, whatsapp.getOptions().answerConcurrency, ([message]) => handleInboundMessage(container, message)),
    lane<ClaimedOutbound>("outbound_message", 1, SEND_CONCURRENCY, ([message]) => whatsapp.sendClaimedMessage(message)),
    lane<ClaimedMedia>("media_download", 1, MEDIA_CONCURRENCY, ([media]) => downloadInboundMedia(container, media)),
    lane<ClaimedAutomationRun>("automation_run", 1, AUTOMATION_CONCURRENCY, ([run]) => runClaimedAutomation(container, run)),
    lane<{ id: string; attempts: number }>("catalog_change", CATALOG_BATCH, 1, (changes) => syncCatalogChanges(container, changes)),
    ...(whatsapp.embeddingsClient() ? [productEmbeddingLane(container, whatsapp)] : []),
  ]
}

/** Only with the `ai` option. Its first sweep in a process first queues products never embedded with the configured model. */
function productEmbeddingLane(container: MedusaContainer, whatsapp: WhatsAppModuleService): Lane<{ id: string; attempts: number }> {
  let backfilled = false
  return {
    kind: "product_embedding",
    batch: EMBEDDING_BATCH,
    concurrency: 1,
    claim: async (limit, sweep) => {
      if (sweep && !backfilled) {
        backfilled = true
        await queueProductsWithoutEmbeddings(container)
      }
      return whatsapp.claimWork("product_embedding", limit, { sweep })
    },
    run: (products) => embedProducts(container, products),
  }
}

/** The process's own nudge, as often as the drain job's schedule. */
const HEARTBEAT_MS = 5_000

let drain: WorkDrain | null = null

/** This process's drain of the work queue (one per process, built on first use). */
export function whatsappWork(container: MedusaContainer): WorkDrain {
  if (!drain) {
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    drain = new WorkDrain(lanes(container), (kind, error) => logger.warn(`whatsapp: ${kind} work failed: ${describeError(error)}`))
    // Built only where work is processed (a subscriber or job ran: a worker or a shared instance).
    drain.keepTicking(HEARTBEAT_MS)
    // At shutdown the drain stops claiming and its heartbeat ends: no timer outlives the app.
    const stopping = drain
    ;(container.resolve(WHATSAPP_MODULE) as WhatsAppModuleService).onShutdown(() => {
      stopping.stop()
      if (drain === stopping) drain = null
    })
  }
  return drain
}
