/**
 * Meta's JavaScript SDK, loaded once from the URL the server names
 * (`embedded_signup.sdk_url`: Meta's CDN, or the sandbox's fake). Only the
 * two calls Embedded Signup uses are typed.
 * https://developers.facebook.com/documentation/javascript/reference/FB.init
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/embedded-signup/implementation
 */

export type FacebookLoginResponse = {
  status?: string
  authResponse?: { code?: string | null } | null
}

export type FacebookLoginOptions = {
  config_id: string
  response_type: "code"
  override_default_response_type: true
  extras: { setup: Record<string, never>; sessionInfoVersion: string }
}

export type FacebookSdk = {
  init(options: { appId: string; autoLogAppEvents: boolean; xfbml: boolean; version: string }): void
  login(callback: (response: FacebookLoginResponse) => void, options: FacebookLoginOptions): void
}

declare global {
  interface Window {
    FB?: FacebookSdk
    fbAsyncInit?: () => void
  }
}

let loading: { url: string; appId: string; promise: Promise<FacebookSdk> } | null = null

/** Loads the SDK (once per URL and app) and initialises it; a failed load can be retried. */
export function loadFacebookSdk(sdkUrl: string, appId: string, version: string): Promise<FacebookSdk> {
  if (loading && loading.url === sdkUrl && loading.appId === appId) return loading.promise
  const promise = new Promise<FacebookSdk>((resolve, reject) => {
    let settled = false
    const ready = () => {
      if (settled) return true
      const fb = window.FB
      if (!fb) return false
      settled = true
      fb.init({ appId, autoLogAppEvents: true, xfbml: true, version })
      resolve(fb)
      return true
    }
    if (ready()) return
    // The SDK calls fbAsyncInit once it has defined window.FB.
    window.fbAsyncInit = ready
    const script = document.createElement("script")
    script.src = sdkUrl
    // No crossorigin attribute: it would require CORS headers from wherever the SDK is served (the sandbox sends none).
    script.async = true
    script.onload = () => {
      if (!ready()) reject(new Error(`The script at ${sdkUrl} loaded but did not define Meta's SDK (window.FB).`))
    }
    script.onerror = () => {
      loading = null
      script.remove()
      reject(new Error(`Meta's SDK could not be loaded from ${sdkUrl}. Check the connection, or an ad or script blocker.`))
    }
    document.body.appendChild(script)
  })
  loading = { url: sdkUrl, appId, promise }
  return promise
}
