import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { uploadFilesWorkflow, deleteFilesWorkflow } from "@medusajs/medusa/core-flows"
import { classifyMediaFailure, type MediaStage } from "../../lib/media/download-failure"
import { baseMimeType, isMediaType, mediaMaxBytes, mediaRefusal, sha256Matches, storedFileName } from "../../lib/media/media-rules"
import { boundNote } from "../../lib/safe-error"
import { failedWorkOutcome, workRetryOptions } from "../../lib/webhook-event-failure"
import { WHATSAPP_MODULE } from "../../modules/whatsapp"
import type WhatsAppModuleService from "../../modules/whatsapp/service"
import type { ClaimedMedia, WorkOutcome } from "../../modules/whatsapp/types"

/** A reason the same file would fail for again: given up at once. */
class PermanentMediaError extends Error {}
/** A failure of this attempt only, described by the handler itself. */
class RetryableMediaError extends Error {}

/**
 * The `media_download` work handler: fetches one incoming media file from
 * Meta into Medusa's File module. Each attempt asks Meta for a fresh URL
 * (it expires after 5 minutes), checks the type and size against Meta's
 * table before and while downloading, checks the SHA-256, then stores the
 * file privately. A failure is stored on the message and retried with the
 * queue's backoff; one that cannot succeed is given up with its reason.
 */
export async function downloadInboundMedia(container: MedusaContainer, claimed: ClaimedMedia): Promise<{ retryInMs: number | null }> {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  let stage: MediaStage = "lookup"
  let outcome: WorkOutcome
  try {
    const type = claimed.type
    if (!isMediaType(type)) throw new PermanentMediaError(`message type ${type} carries no media`)
    const animated = claimed.animated === null ? undefined : claimed.animated === "true"
    const graph = await whatsapp.graphClientFor(claimed.account_id, { timeoutMs: 60_000 })
    const info = await graph.getMedia(claimed.media_id)
    const mime = baseMimeType(info.mime_type ?? claimed.media_mime_type)
    const announced = Number(info.file_size)
    const refusal = mediaRefusal(type, mime, Number.isFinite(announced) ? announced : null, { animated })
    if (refusal) throw new PermanentMediaError(refusal)

    stage = "download"
    const { bytes } = await graph.downloadMedia(info.url, mediaMaxBytes(type, { animated }))
    const hashes = [info.sha256, claimed.media_sha256].filter((h): h is string => !!h)
    // A corrupted transfer: the next attempt downloads again (and gives up at the cap).
    if (hashes.some((hash) => !sha256Matches(bytes, hash))) throw new RetryableMediaError(`sha256 of the ${bytes.length} bytes received does not match Meta's`)

    stage = "store"
    const filename = storedFileName({ type, mime, wamid: claimed.wamid, filename: claimed.media_filename })
    const { result } = await uploadFilesWorkflow(container).run({
      input: { files: [{ filename, mimeType: mime, content: bytes.toString("base64"), access: "private" }] },
    })
    const file = result[0]
    const recorded = await whatsapp.recordStoredMedia(claimed.id, { file_id: file.id, url: file.url ?? null, size: bytes.length, mime_type: mime, filename })
    // Deleted meanwhile, or already stored by a worker whose lease ran out: this copy is not needed.
    if (!recorded) await deleteFilesWorkflow(container).run({ input: { ids: [file.id] } })
    outcome = { id: claimed.id, result: "done", note: null }
  } catch (error) {
    const failure =
      error instanceof PermanentMediaError || error instanceof RetryableMediaError
        ? { permanent: error instanceof PermanentMediaError, note: error.message }
        : classifyMediaFailure(stage, error)
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`whatsapp: media of message ${claimed.id} not stored: ${failure.note}`)
    outcome = failure.permanent
      ? { id: claimed.id, result: "failed", note: boundNote(`gave up: ${failure.note}`) }
      : failedWorkOutcome(claimed.id, failure.note, claimed.attempts, workRetryOptions(whatsapp.getOptions()))
  }
  await whatsapp.finishWork("media_download", [outcome])
  return { retryInMs: outcome.result === "retry" ? outcome.delayMs : null }
}
