import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { describeError } from "../../../lib/safe-error"

export const RECOVERY_LOCK_KEY = "whatsapp:cart-recovery"
/** Longer than any run; a crashed run's lock lapses by itself. */
const LOCK_TTL_SECONDS = 300

/**
 * Takes the recovery lock without waiting: a run that overlaps another does
 * nothing instead of queuing behind it (the next minute's run picks up what
 * is left). Row locks and idempotency keys still make a second reminder
 * impossible when the locking provider is per-process.
 */
export const tryRecoveryLockStep = createStep(
  "try-whatsapp-recovery-lock",
  async (input: { owner: string }, { container }) => {
    const locking = container.resolve(Modules.LOCKING)
    try {
      await locking.acquire(RECOVERY_LOCK_KEY, { ownerId: input.owner, expire: LOCK_TTL_SECONDS })
      return new StepResponse({ acquired: true, owner: input.owner }, input.owner)
    } catch (error) {
      const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
      const message = (error as Error).message ?? String(error)
      // Contention is normal (another run holds it); anything else (the provider is down) must be seen.
      if (/lock/i.test(message)) logger.debug("whatsapp: cart recovery already running elsewhere; skipped")
      else logger.error(`whatsapp: cart recovery could not take its lock: ${describeError(error)}`)
      return new StepResponse({ acquired: false, owner: input.owner }, null)
    }
  },
  async (owner, { container }) => {
    if (!owner) return
    await container.resolve(Modules.LOCKING).release(RECOVERY_LOCK_KEY, { ownerId: owner })
  }
)

export const releaseRecoveryLockStep = createStep(
  "release-whatsapp-recovery-lock",
  async (input: { acquired: boolean; owner: string }, { container }) => {
    if (input.acquired) {
      await container.resolve(Modules.LOCKING).release(RECOVERY_LOCK_KEY, { ownerId: input.owner })
    }
    return new StepResponse(null)
  }
)
