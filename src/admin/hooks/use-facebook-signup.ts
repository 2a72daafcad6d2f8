import { useCallback, useEffect, useMemo, useRef, useState } from "react"
import { parseSignupSessionMessage, signupMessageOrigins } from "../../lib/embedded-signup-session"
import type { AdminWhatsAppOnboardingConfigResponse, EmbeddedSignupSession } from "../../types/http"
import { loadFacebookSdk, type FacebookSdk } from "../lib/facebook-sdk"

type Config = AdminWhatsAppOnboardingConfigResponse["embedded_signup"]

/** Where Meta's popup left us; `finished` carries what the server route needs. */
export type FacebookSignupState =
  | { phase: "loading_sdk" }
  | { phase: "sdk_failed"; message: string }
  | { phase: "ready" }
  | { phase: "popup"; hasCode: boolean; hasSession: boolean }
  | { phase: "finished"; code: string; session: EmbeddedSignupSession }
  | { phase: "cancelled"; current_step: string | null }
  | { phase: "failed"; message: string; error_id: string | null; session_id: string | null }
  | { phase: "no_number"; waba_id: string }

/**
 * Runs Meta's Embedded Signup: loads the SDK, opens the popup with
 * FB.login (from the click itself, or browsers block it), and waits for both
 * halves of the answer: the authorization code (login callback) and the
 * session info (window message with the WABA and phone number ids). Either
 * may come first.
 */
export function useFacebookSignup(config: Config) {
  const [state, setState] = useState<FacebookSignupState>({ phase: "loading_sdk" })
  const fb = useRef<FacebookSdk | null>(null)
  const code = useRef<string | null>(null)
  const session = useRef<EmbeddedSignupSession | null>(null)
  const origins = useMemo(() => signupMessageOrigins(config.sdk_url), [config.sdk_url])

  const load = useCallback(() => {
    if (!config.app_id) return setState({ phase: "sdk_failed", message: "The plugin has no Meta app id (metaAppId)." })
    setState({ phase: "loading_sdk" })
    loadFacebookSdk(config.sdk_url, config.app_id, config.graph_api_version).then(
      (sdk) => {
        fb.current = sdk
        setState({ phase: "ready" })
      },
      (error: Error) => setState({ phase: "sdk_failed", message: error.message })
    )
  }, [config.sdk_url, config.app_id, config.graph_api_version])

  useEffect(load, [load])

  // True from the click until the answer is complete: a stray or late message changes nothing.
  const waiting = useRef(false)

  const settle = useCallback(() => {
    if (code.current && session.current) {
      waiting.current = false
      setState({ phase: "finished", code: code.current, session: session.current })
    } else setState({ phase: "popup", hasCode: !!code.current, hasSession: !!session.current })
  }, [])

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (!waiting.current) return
      const message = parseSignupSessionMessage(event.origin, event.data, origins)
      if (!message) return
      if (message.kind === "finish") {
        session.current = message.session
        return settle()
      }
      waiting.current = false
      if (message.kind === "cancel") setState({ phase: "cancelled", current_step: message.current_step })
      else if (message.kind === "error") setState({ phase: "failed", message: message.message, error_id: message.error_id, session_id: message.session_id })
      else setState({ phase: "no_number", waba_id: message.waba_id })
    }
    window.addEventListener("message", onMessage)
    return () => window.removeEventListener("message", onMessage)
  }, [origins, settle])

  /** Call from the button's click handler. */
  const start = useCallback(() => {
    const sdk = fb.current
    if (!sdk || !config.config_id) return
    code.current = null
    session.current = null
    waiting.current = true
    setState({ phase: "popup", hasCode: false, hasSession: false })
    sdk.login(
      (response) => {
        const received = response?.authResponse?.code
        if (received) {
          code.current = received
          return settle()
        }
        // Closed without a code. A CANCEL message naming the screen may still follow (waiting stays on) and replaces this.
        if (waiting.current) setState({ phase: "cancelled", current_step: null })
      },
      {
        config_id: config.config_id,
        response_type: "code",
        override_default_response_type: true,
        extras: { setup: {}, sessionInfoVersion: "3" },
      }
    )
  }, [config.config_id, settle])

  const reset = useCallback(() => {
    waiting.current = false
    code.current = null
    session.current = null
    setState(fb.current ? { phase: "ready" } : { phase: "loading_sdk" })
    if (!fb.current) load()
  }, [load])

  return { state, start, reset }
}
