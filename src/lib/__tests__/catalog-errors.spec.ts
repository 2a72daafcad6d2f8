import { GraphApiError } from "../graph-api/errors"
import { catalogErrorResponse } from "../graph-api/catalog-errors"

const meta = (status: number, code: number, message: string, subcode?: number) =>
  GraphApiError.fromResponse(status, { error: { message, code, ...(subcode ? { error_subcode: subcode } : {}), fbtrace_id: "AbC" } }, null)

describe("catalogErrorResponse", () => {
  it("says in plain words that the token cannot manage catalogs, with the fix, and keeps Meta's error", () => {
    const answer = catalogErrorResponse(meta(403, 200, "(#200) Requires catalog_management permission to manage the object"), "The catalogs could not be listed")
    expect(answer).toEqual({
      status: 400,
      body: {
        type: "catalog_permission",
        message: expect.stringMatching(/^The catalogs could not be listed: The access token is not allowed to manage catalogs/),
        step: "catalog",
        next_step: expect.stringContaining("catalog_management"),
        meta_error: { code: 200, subcode: null, message: "(#200) Requires catalog_management permission to manage the object" },
      },
    })
  })

  it("tells an unreachable catalog, an invalid token and throttling apart", () => {
    expect(catalogErrorResponse(meta(400, 100, "Unsupported get request", 33), "x")?.body).toMatchObject({ type: "catalog_unreachable", meta_error: { code: 100, subcode: 33 } })
    expect(catalogErrorResponse(meta(401, 190, "Invalid OAuth access token"), "x")?.body.type).toBe("token_invalid")
    expect(catalogErrorResponse(meta(400, 80009, "Too many calls"), "x")?.body.next_step).toContain("Wait")
    expect(catalogErrorResponse(meta(400, 100, "(#100) Invalid parameter"), "x")?.body).toMatchObject({ type: "meta_refused", message: "x: Meta refused the request: (#100) Invalid parameter." })
  })

  it("answers 502 when Meta could not be reached, and null for anything that is not a Graph API error", () => {
    expect(catalogErrorResponse(GraphApiError.network(new Error("ECONNREFUSED")), "x")).toMatchObject({ status: 502, body: { type: "meta_unreachable", meta_error: null } })
    expect(catalogErrorResponse(new Error("boom"), "x")).toBeNull()
  })
})
