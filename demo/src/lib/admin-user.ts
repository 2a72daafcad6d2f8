import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"

/** Creates the admin login once; an existing user keeps its password. */
export async function ensureAdminUser(
  container: MedusaContainer,
  { email, password }: { email: string; password: string }
) {
  const userModule = container.resolve(Modules.USER)
  const [existing] = await userModule.listUsers({ email })
  if (existing) {
    return existing
  }
  const authModule = container.resolve(Modules.AUTH)
  const { success, authIdentity, error } = await authModule.register("emailpass", {
    body: { email, password },
  } as any)
  if (!success || !authIdentity) {
    throw new Error(`Could not register the demo admin ${email}: ${error}`)
  }
  const { result } = await createUserAccountWorkflow(container).run({
    input: { authIdentityId: authIdentity.id, userData: { email, first_name: "Demo", last_name: "Admin" } },
  })
  return result
}
