// Run by the topology spec through `medusa exec` in the test host, before
// the servers and workers start: the store they share (an admin, products
// on the WhatsApp channel, delivery and payment providers, the test account
// with its catalog synced to the sandbox). Prints `SEED_RESULT <json>`.
import { ExecArgs } from "@medusajs/framework/types"
import path from "node:path"
import { createAdminHeaders } from "./admin"
import { createCommerceBasics, createProducts } from "./catalog-fixtures"
import { createCheckoutBasics } from "./checkout-fixtures"
import { TEST_ACCOUNT } from "./whatsapp"

const built = path.resolve(__dirname, "../../.medusa/server/src")

export default async function seed({ container }: ExecArgs) {
  const { createWhatsAppAccountWorkflow, syncWhatsAppCatalogWorkflow } = require(path.join(built, "workflows/index.js"))
  const admin = await createAdminHeaders(container)
  const fixture = await createCommerceBasics(container)
  const { products, variants } = await createProducts(container, fixture, [
    { title: "Camiseta Básica", sizes: ["M"], colors: ["Rojo", "Azul"], price: 19.9 },
    { title: "Sudadera", sizes: ["L"], colors: ["Gris"], price: 39.9 },
  ])
  const { shippingOptionId } = await createCheckoutBasics(container, fixture)
  const catalogId = process.env.TOPOLOGY_CATALOG_ID!
  const { result: account } = await createWhatsAppAccountWorkflow(container).run({
    input: { ...TEST_ACCOUNT, catalog_id: catalogId, region_id: fixture.regionId, sales_channel_id: fixture.salesChannelId, language: "es" },
  })
  await syncWhatsAppCatalogWorkflow(container).run({ input: { account_id: account.id } })
  console.log(
    `SEED_RESULT ${JSON.stringify({
      adminHeaders: admin.headers,
      accountId: account.id,
      catalogId,
      shippingOptionId,
      products: products.map((p: any) => ({ id: p.id, title: p.title })),
      variants: variants.map((v) => ({ id: v.id, product_id: v.product_id })),
    })}`
  )
}
