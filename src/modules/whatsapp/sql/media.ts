import type { SqlRunner } from "./ingest"

/** An incoming media message claimed for download (the `media_download` work kind). */
export type ClaimedMedia = {
  id: string
  type: string
  wamid: string
  media_id: string
  media_mime_type: string | null
  media_sha256: string | null
  media_filename: string | null
  /** A sticker's `animated` flag as text ("true"/"false"), null otherwise. */
  animated: string | null
  conversation_id: string
  account_id: string
  attempts: number
}

export type StoredMedia = { file_id: string; url: string | null; size: number; mime_type: string; filename: string }

/** Records the downloaded file and ends the download work; false when the row is gone or no longer pending. */
export async function recordStoredMedia(db: SqlRunner, messageId: string, stored: StoredMedia): Promise<boolean> {
  const rows = await db.execute(
    `update whatsapp_message set media_status = 'stored', media_file_id = ?, media_url = ?, media_size = ?,
       media_mime_type = ?, media_filename = coalesce(media_filename, ?), media_error = null, media_claimed_until = null, updated_at = now()
     where id = ? and media_status = 'pending' returning id`,
    [stored.file_id, stored.url, stored.size, stored.mime_type, stored.filename, messageId]
  )
  return rows.length > 0
}

/** The stored file of a message, for the admin's media route. */
export async function messageMediaFile(db: SqlRunner, messageId: string) {
  const [row] = await db.execute(
    `select id, type, media_status, media_file_id, media_mime_type, media_filename, media_error
       from whatsapp_message where id = ? and deleted_at is null`,
    [messageId]
  )
  return (row ?? null) as null | {
    id: string
    type: string
    media_status: string | null
    media_file_id: string | null
    media_mime_type: string | null
    media_filename: string | null
    media_error: string | null
  }
}
