import jwt from "jsonwebtoken"
import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

const JWT_SECRET = "integration-jwt-secret"

/**
 * Creates an admin user with an auth identity and returns request headers
 * carrying a token signed exactly as Medusa's own login signs it.
 */
export async function createAdminHeaders(container: MedusaContainer, email = "admin@test.local") {
  const userModule = container.resolve(Modules.USER)
  const authModule = container.resolve(Modules.AUTH)
  const user = await userModule.createUsers({ email, first_name: "Test", last_name: "Admin" })
  const identity = await authModule.createAuthIdentities({
    provider_identities: [{ provider: "emailpass", entity_id: email }],
    app_metadata: { user_id: user.id },
  })
  const token = jwt.sign(
    { actor_id: user.id, actor_type: "user", auth_identity_id: identity.id, app_metadata: { user_id: user.id } },
    JWT_SECRET,
    { expiresIn: "1d" }
  )
  return { headers: { authorization: `Bearer ${token}` }, user }
}
