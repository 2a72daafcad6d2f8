import Medusa from "@medusajs/js-sdk"

// The admin is served by the same Medusa server, so relative requests with the
// session cookie are enough.
export const sdk = new Medusa({
  baseUrl: "/",
  debug: false,
  auth: { type: "session" },
})
