import { MedusaService } from "@medusajs/framework/utils"
import { decodeKey, parsePluginOptions, ResolvedWhatsAppPluginOptions } from "../../lib/options"
import { maskSecret, SecretBox } from "../../lib/secret-box"
import { WhatsappAccount } from "./models/whatsapp-account"
import { WhatsappConversation } from "./models/whatsapp-conversation"
import { WhatsappMessage } from "./models/whatsapp-message"
import { WhatsappWebhookEvent } from "./models/whatsapp-webhook-event"

export type AccountSecrets = { access_token?: string | null; app_secret?: string | null }

class WhatsAppModuleService extends MedusaService({
  WhatsappAccount,
  WhatsappConversation,
  WhatsappMessage,
  WhatsappWebhookEvent,
}) {
  protected readonly options_: ResolvedWhatsAppPluginOptions
  protected readonly secretBox_: SecretBox

  constructor(container: Record<string, unknown>, options: unknown) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = parsePluginOptions(options)
    this.secretBox_ = new SecretBox(decodeKey(this.options_.encryptionKey)!)
  }

  /** Routes, jobs and subscribers can't see plugin options; they ask here. */
  getOptions(): ResolvedWhatsAppPluginOptions {
    return this.options_
  }

  /** Encrypts whichever secrets are present; leaves absent ones untouched. */
  sealSecrets<T extends AccountSecrets>(input: T): T {
    const sealed = { ...input }
    for (const key of ["access_token", "app_secret"] as const) {
      const value = input[key]
      if (typeof value === "string" && value.length) {
        sealed[key] = this.secretBox_.seal(value) as T[typeof key]
      }
    }
    return sealed
  }

  /** The admin-facing form of a stored secret: set or not, and its last characters. */
  maskStoredSecret(sealed: string | null | undefined): string | null {
    if (!sealed) {
      return null
    }
    try {
      return maskSecret(this.secretBox_.open(sealed))
    } catch {
      return "•••• (unreadable: was encryptionKey changed?)"
    }
  }

  /** Plaintext secrets of one account, for Graph API calls and signatures. */
  async revealAccountSecrets(accountId: string): Promise<{ accessToken: string; appSecret: string | null }> {
    const account = await this.retrieveWhatsappAccount(accountId, {
      select: ["id", "access_token", "app_secret"],
    })
    return {
      accessToken: this.secretBox_.open(account.access_token),
      appSecret: account.app_secret ? this.secretBox_.open(account.app_secret) : this.options_.appSecret ?? null,
    }
  }
}

export default WhatsAppModuleService
