/**
 * How every admin route reports a failed Graph API call: HTTP 502, Medusa's
 * `type`/`message` error shape, and Meta's own identifiers under `meta`
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling).
 */
export type MetaErrorDetails = {
  /** Meta's `error.code` ("190" expired/invalid token, "100" bad parameter…), or "network" when Meta was not reached. */
  code: string
  error_subcode: string | null
  /** Meta's request id: what Meta support asks for. */
  fbtrace_id: string | null
  /** `error.error_data.details`, Meta's longer explanation when it gives one. */
  details: string | null
  /** The HTTP status Meta answered (0 when the request never got an answer). */
  http_status: number
}

export type MetaErrorResponse = {
  type: "graph_api_error"
  /** One readable line: what failed, Meta's message and code (and trace id). */
  message: string
  meta: MetaErrorDetails
}
