import { GraphApiError } from "../graph-api/errors"
import { MediaTooLargeError } from "../graph-api/client"
import { describeError } from "../safe-error"

export type MediaFailure = { permanent: boolean; note: string }

/** Where a download attempt failed: asking Meta for the URL, fetching the URL, or storing the file. */
export type MediaStage = "lookup" | "download" | "store"

/**
 * Whether a failed download attempt is worth repeating, with a note safe to
 * store (codes and sizes, never the URL or the token). A media id Meta does
 * not know (HTTP 404, or 400 with code 100: webhook media ids expire after
 * 7 days) and a file over its limit fail the same way every time. A failed
 * fetch of the URL is retried: the URL expires after 5 minutes, and every
 * attempt asks for a fresh one. Server errors, throttling, a wrong token
 * and network failures are retried with the queue's backoff.
 */
export function classifyMediaFailure(stage: MediaStage, error: unknown): MediaFailure {
  if (error instanceof MediaTooLargeError) {
    return { permanent: true, note: `file is over the ${error.maxBytes}-byte limit of its type (read ${error.size} bytes)` }
  }
  if (error instanceof GraphApiError) {
    const what = stage === "lookup" ? "media lookup" : "media download"
    const note = `${what} failed: HTTP ${error.status || "none"}, code ${error.code}${error.subcode ? `/${error.subcode}` : ""}`
    const unknownMedia = stage === "lookup" && (error.status === 404 || (error.status === 400 && error.code === "100"))
    return { permanent: unknownMedia, note: unknownMedia ? `${note} (Meta does not know this media id: expired or deleted)` : note }
  }
  return { permanent: false, note: `${stage === "store" ? "storing the file" : `media ${stage}`} failed: ${describeError(error)}` }
}
