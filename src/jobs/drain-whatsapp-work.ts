import type { MedusaContainer } from "@medusajs/framework/types"
import { whatsappWork } from "../workflows/work/whatsapp-work"

/**
 * The safety net and the clock of the work queue: takes up whatever is due
 * that no event announced (retries past their backoff, work a stopped
 * process held, catalog changes once quiet). Claims make it safe on every
 * instance.
 */
export default async function drainWhatsAppWorkJob(container: MedusaContainer) {
  const work = whatsappWork(container)
  work.nudge()
  // Returns once what was due is done (bounded: under steady traffic the drain is never idle).
  await work.idle(JOB_WAIT_MS)
}

const JOB_WAIT_MS = 30_000

export const config = {
  name: "whatsapp-drain-work",
  schedule: { interval: 5_000 },
}
