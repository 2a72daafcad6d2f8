import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { seedDemoStore } from "../lib/seed-store"
import { ensureAdminUser } from "../lib/admin-user"
import { removeWhatsAppAccounts, upsertWhatsAppAccountFromEnv } from "../lib/whatsapp-account"
import { ensureRegionPaymentProviders } from "../lib/payment-providers"

/**
 * Run by `npm run demo` on every start (through `medusa exec`): seeds the
 * store once, makes sure the admin user exists, and creates or updates the
 * WhatsApp account from the environment.
 */
export default async function prepareDemo({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const storeModule = container.resolve(Modules.STORE)
  const [store] = await storeModule.listStores({}, { take: 1 })

  if (store?.metadata?.whatsapp_demo_seeded) {
    logger.info("demo: store already seeded, keeping its data")
  } else {
    await seedDemoStore(container, store.id)
    await storeModule.updateStores(store.id, {
      metadata: { ...(store.metadata ?? {}), whatsapp_demo_seeded: true },
    })
    logger.info("demo: store seeded")
  }

  await ensureAdminUser(container, {
    email: process.env.DEMO_ADMIN_EMAIL ?? "admin@example.com",
    password: process.env.DEMO_ADMIN_PASSWORD ?? "supersecret",
  })
  await ensureRegionPaymentProviders(container)
  if (process.env.DEMO_FRESH_ONBOARDING === "1") {
    await removeWhatsAppAccounts(container)
    logger.info("demo: no WhatsApp account (--fresh-onboarding): connect one in Settings → WhatsApp")
  } else {
    await upsertWhatsAppAccountFromEnv(container)
  }

  if (process.env.DEMO_SANDBOX === "1") {
    // The sandbox keeps its catalog in memory and starts empty: forget what was
    // sent to the previous one so the start-up sync fills this one again.
    const whatsapp = container.resolve("whatsapp") as { resendAllCatalogItems(): Promise<void> }
    await whatsapp.resendAllCatalogItems()
  }
}
