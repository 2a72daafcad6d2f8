import { serializeError } from "@medusajs/framework/utils"
import { GraphApiError } from "../graph-api/errors"
import { asGraphApiError, graphErrorText, metaErrorResponse } from "../graph-api/meta-error"

// Meta's error envelope: https://developers.facebook.com/docs/graph-api/guides/error-handling
const revoked = GraphApiError.fromResponse(
  401,
  { error: { message: "Invalid OAuth access token - Cannot parse access token", type: "OAuthException", code: 190, error_subcode: 463, fbtrace_id: "AbCdEf123" } },
  null
)

describe("metaErrorResponse", () => {
  it("answers 502 with Medusa's type/message and Meta's code, subcode and trace id under `meta`", () => {
    expect(metaErrorResponse(revoked, "Meta refused the subscription")).toEqual({
      status: 502,
      body: {
        type: "graph_api_error",
        message: "Meta refused the subscription: Invalid OAuth access token - Cannot parse access token (code 190/463) [fbtrace_id AbCdEf123]",
        meta: { code: "190", error_subcode: "463", fbtrace_id: "AbCdEf123", details: null, http_status: 401 },
      },
    })
  })

  it("reads a Graph API error thrown out of a workflow, which Medusa serializes to a plain object", () => {
    const serialized = serializeError(revoked)
    expect(serialized).not.toBeInstanceOf(GraphApiError)
    expect(metaErrorResponse(serialized, "Meta did not return the catalog")?.body.meta).toEqual({
      code: "190",
      error_subcode: "463",
      fbtrace_id: "AbCdEf123",
      details: null,
      http_status: 401,
    })
  })

  it("keeps Meta's details and reports a network failure with code `network`", () => {
    const withDetails = GraphApiError.fromResponse(400, { error: { message: "Invalid parameter", code: 100, error_data: { details: "catalog_id is wrong" } } }, null)
    expect(graphErrorText(withDetails)).toBe("Invalid parameter (code 100): catalog_id is wrong")
    const network = metaErrorResponse(GraphApiError.network(new Error("ECONNREFUSED")), "Meta refused the commerce settings")
    expect(network?.body.meta).toEqual({ code: "network", error_subcode: null, fbtrace_id: null, details: null, http_status: 0 })
  })

  it("leaves every other error to Medusa's error handler", () => {
    expect(metaErrorResponse(new Error("boom"), "x")).toBeNull()
    expect(asGraphApiError({ name: "MedusaError", message: "not found" })).toBeNull()
    expect(asGraphApiError(null)).toBeNull()
  })
})
