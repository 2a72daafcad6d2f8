import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { metaErrorResponse } from "../../../lib/graph-api/meta-error"

type Handler<Body, Query> = (req: AuthenticatedMedusaRequest<Body, Query>, res: MedusaResponse<any>) => Promise<void>

/**
 * Wraps an admin route that calls the Graph API (directly or through a
 * workflow): a Graph API failure becomes the one Meta error answer (502,
 * `type: "graph_api_error"`, `message` starting with `failed`, Meta's ids
 * under `meta`); anything else goes on to Medusa's error handler.
 */
export function withMetaErrors<Body = unknown, Query = unknown>(failed: string, handler: Handler<Body, Query>): Handler<Body, Query> {
  return async (req, res) => {
    try {
      await handler(req, res)
    } catch (error) {
      const answer = metaErrorResponse(error, failed)
      if (!answer) throw error
      res.status(answer.status).json(answer.body)
    }
  }
}
