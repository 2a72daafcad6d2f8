import type { MetaErrorResponse } from "../../types/http/errors"
import { GraphApiError } from "./errors"

/** The fields of a GraphApiError that survive a workflow (which serializes a step's error to a plain object). */
type GraphApiErrorLike = Pick<GraphApiError, "name" | "message" | "status" | "code" | "subcode" | "details" | "fbtraceId">

/**
 * The Graph API failure in `error`, thrown directly or out of a workflow
 * (Medusa's orchestrator turns a step's error into `{ name, message, ...own props }`), else null.
 */
export function asGraphApiError(error: unknown): GraphApiErrorLike | null {
  if (error instanceof GraphApiError) return error
  const e = error as Partial<GraphApiErrorLike> & { name?: unknown }
  if (e && typeof e === "object" && e.name === "GraphApiError" && typeof e.code === "string" && typeof e.message === "string") {
    return {
      name: "GraphApiError",
      message: e.message,
      status: typeof e.status === "number" ? e.status : 0,
      code: e.code,
      subcode: e.subcode ?? null,
      details: e.details ?? null,
      fbtraceId: e.fbtraceId ?? null,
    }
  }
  return null
}

/** Meta's message with its code (and subcode) and details, e.g. "Invalid OAuth access token (code 190/463)". */
export function graphErrorText(reason: unknown): string {
  const graph = asGraphApiError(reason)
  if (graph) {
    return [`${graph.message} (code ${graph.code}${graph.subcode ? `/${graph.subcode}` : ""})`, graph.details].filter(Boolean).join(": ")
  }
  return reason instanceof Error ? reason.message : String(reason)
}

/**
 * The one answer every admin route gives when Meta refused or could not be
 * reached: 502 (the gateway's failure, not the request's), a readable line
 * that starts with what failed, and Meta's identifiers under `meta`.
 * Null when `error` is not a Graph API failure.
 */
export function metaErrorResponse(error: unknown, failed: string): { status: 502; body: MetaErrorResponse } | null {
  const graph = asGraphApiError(error)
  if (!graph) return null
  const trace = graph.fbtraceId ? ` [fbtrace_id ${graph.fbtraceId}]` : ""
  return {
    status: 502,
    body: {
      type: "graph_api_error",
      message: `${failed}: ${graphErrorText(graph)}${trace}`,
      meta: {
        code: graph.code,
        error_subcode: graph.subcode,
        fbtrace_id: graph.fbtraceId,
        details: graph.details,
        http_status: graph.status,
      },
    },
  }
}
