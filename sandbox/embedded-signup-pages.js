// The browser side of the sandbox's Embedded Signup: a fake Facebook JS SDK
// (/sdk.js) and the signup popup (/dialog/oauth). See embedded-signup.js for
// the Meta pages followed and the popup's data-testids.

/**
 * `current_step` in a CANCEL message, per popup screen: the values Meta's
 * Embedded Signup error and session-logging pages list
 * (developers.facebook.com/documentation/business-messaging/whatsapp/embedded-signup/).
 */
const CANCEL_STEPS = {
  business: "BUSINESS_ACCOUNT_SELECTION",
  waba: "WABA_PHONE_PROFILE_PICKER",
  profile: "WHATSAPP_BUSINESS_PROFILE_SETUP",
  phone: "PHONE_NUMBER_SETUP",
  verify: "PHONE_NUMBER_VERIFICATION",
}

/**
 * window.FB with init, login and getLoginStatus. login opens the popup and
 * calls back with { authResponse: { code }, status: "connected" }, or
 * { authResponse: null, status: "unknown" } when the popup is cancelled or closed.
 */
function sdkScript() {
  return `(function () {
  var script = document.currentScript;
  var origin = script ? new URL(script.src).origin : location.origin;
  var settings = { appId: null, version: null };
  window.FB = {
    init: function (options) { settings.appId = options && options.appId; settings.version = options && options.version; },
    getLoginStatus: function (callback) { callback({ status: "unknown", authResponse: null }); },
    login: function (callback, options) {
      options = options || {};
      var query = new URLSearchParams({
        client_id: settings.appId || "",
        config_id: options.config_id || "",
        response_type: options.response_type || "token",
        override_default_response_type: String(!!options.override_default_response_type),
        extras: JSON.stringify(options.extras || {}),
        opener_origin: location.origin
      });
      var popup = window.open(origin + "/dialog/oauth?" + query.toString(), "fb_embedded_signup", "width=640,height=760");
      var answered = false;
      function answer(response) {
        if (answered) return;
        answered = true;
        window.removeEventListener("message", onMessage);
        clearInterval(watch);
        callback(response);
      }
      function onMessage(event) {
        if (event.origin !== origin) return;
        var data;
        try { data = typeof event.data === "string" ? JSON.parse(event.data) : event.data; } catch (e) { return; }
        if (data && data.type === "SANDBOX_FB_LOGIN_RESPONSE") answer(data.response);
      }
      window.addEventListener("message", onMessage);
      var watch = setInterval(function () {
        if (!popup || popup.closed) answer({ status: "unknown", authResponse: null });
      }, 300);
    }
  };
  if (typeof window.fbAsyncInit === "function") setTimeout(window.fbAsyncInit, 0);
})();
`
}

const escape = (text) => String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c])

function errorPage(message) {
  return `<!doctype html><meta charset="utf-8"><title>Facebook (sandbox)</title><p data-testid="es-error">${escape(message)}</p>`
}

/**
 * The popup: business → WABA → profile → phone → code, with Cancel at every
 * step. Cancelling reports the step, or the last error the sandbox gave
 * (e.g. a number already connected) as { error_message, error_id, session_id, timestamp }.
 */
function popupPage({ app, query, businesses, categories }) {
  if (query.get("client_id") !== app.id) return errorPage("Invalid App ID: the app_id given to FB.init is not this app.")
  if (!query.get("config_id")) return errorPage("Missing config_id: FB.login needs the Embedded Signup configuration id.")
  if (query.get("response_type") !== "code") return errorPage('Embedded Signup needs response_type "code".')
  const openerOrigin = query.get("opener_origin") || "*"
  const options = businesses
    .map((b) => `<label><input type="radio" name="business" value="${escape(b.id)}" data-testid="es-business-option-${escape(b.id)}"> ${escape(b.name)}</label><br>`)
    .join("")
  const categoryOptions = categories.map((c) => `<option value="${c}">${c}</option>`).join("")
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Connect WhatsApp — ${escape(app.name)} (sandbox)</title>
<style>body{font:15px system-ui,sans-serif;margin:24px;max-width:520px}section{display:none}section.on{display:block}
label{display:block;margin:8px 0}input,select,textarea{font:inherit;padding:6px;width:100%;box-sizing:border-box}
button{font:inherit;padding:8px 14px;margin:12px 8px 0 0}#error{color:#b00020;min-height:1.2em}.code{font-size:28px;letter-spacing:4px}</style></head>
<body>
<h1>Connect your business to WhatsApp</h1>
<p>${escape(app.name)} asks to manage and send messages for a WhatsApp Business Account. (Sandbox: nothing leaves this machine.)</p>
<p id="error" data-testid="es-error" role="alert"></p>
<section id="business" data-testid="es-step-business"><h2>Business portfolio</h2>${options}
<label><input type="radio" name="business" value="new" data-testid="es-business-new" ${businesses.length ? "" : "checked"}> Create a business portfolio</label>
<input id="business-name" data-testid="es-business-new-name" placeholder="Business name"></section>
<section id="waba" data-testid="es-step-waba"><h2>WhatsApp Business Account</h2>
<label>Account name <input id="waba-name" data-testid="es-waba-name"></label></section>
<section id="profile" data-testid="es-step-profile"><h2>Business profile</h2>
<label>Display name <input id="display-name" data-testid="es-display-name"></label>
<label>Category <select id="category" data-testid="es-category">${categoryOptions}</select></label>
<label>Description <textarea id="description" data-testid="es-description"></textarea></label></section>
<section id="phone" data-testid="es-step-phone"><h2>Phone number</h2>
<label>Number with country code <input id="phone-number" data-testid="es-phone" placeholder="+34 612 345 678"></label>
<button id="send-code" data-testid="es-send-code" type="button">Send code by SMS</button></section>
<section id="verify" data-testid="es-step-verify"><h2>Verify your number</h2>
<p>Your phone received: <span class="code" id="code-shown" data-testid="es-code-shown"></span></p>
<label>Code <input id="code" data-testid="es-code" inputmode="numeric"></label></section>
<section id="done" data-testid="es-step-done"><h2>All set</h2><p>You can close this window.</p></section>
<button id="next" data-testid="es-next" type="button">Next</button>
<button id="finish" data-testid="es-finish" type="button" hidden>Finish</button>
<button id="cancel" data-testid="es-cancel" type="button">Cancel</button>
<script>
(function () {
  var STEPS = ["business", "waba", "profile", "phone", "verify"];
  var CANCEL_STEPS = ${JSON.stringify(CANCEL_STEPS)};
  var openerOrigin = ${JSON.stringify(openerOrigin)};
  var step = 0, verificationId = null, serverError = null, sessionId = Math.random().toString(16).slice(2);
  var $ = function (id) { return document.getElementById(id); };
  function post(message) { if (window.opener) window.opener.postMessage(JSON.stringify(message), openerOrigin); }
  function show() {
    STEPS.concat("done").forEach(function (s, i) { $(s).className = i === step ? "on" : ""; });
    $("next").hidden = step >= 3; $("finish").hidden = step !== 4; $("cancel").hidden = step > 4;
  }
  function fail(text) { $("error").textContent = text; }
  // An error Meta's side gave (not a form hint): a cancel after it is reported with it, as Meta reports user-facing errors.
  function serverFail(text) { serverError = { error_message: text, error_id: String(Date.now() % 100000), session_id: sessionId, timestamp: String(Math.floor(Date.now() / 1000)) }; fail(text); }
  function api(body) {
    return fetch("/dialog/oauth/api", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); });
  }
  function chosenBusiness() { var c = document.querySelector("input[name=business]:checked"); return c ? c.value : null; }
  $("next").onclick = function () {
    fail("");
    if (step === 0 && !chosenBusiness()) return fail("Choose a business portfolio or create one.");
    if (step === 0 && chosenBusiness() === "new" && !$("business-name").value.trim()) return fail("Enter the business's name.");
    if (step === 1 && !$("waba-name").value.trim()) return fail("Enter a name for the WhatsApp Business Account.");
    if (step === 2 && !$("display-name").value.trim()) return fail("Enter a display name.");
    step++; show();
  };
  $("send-code").onclick = function () {
    fail("");
    api({ action: "send_code", phone: $("phone-number").value }).then(function (r) {
      if (!r.ok) return serverFail(r.body.error);
      verificationId = r.body.verification_id; $("code-shown").textContent = r.body.code_shown; step = 4; show();
    });
  };
  $("finish").onclick = function () {
    fail("");
    var business = chosenBusiness();
    api({ action: "finish", verification_id: verificationId, code: $("code").value,
      business_id: business === "new" ? null : business, business_name: $("business-name").value,
      waba_name: $("waba-name").value, display_name: $("display-name").value,
      category: $("category").value, description: $("description").value
    }).then(function (r) {
      if (!r.ok) return fail(r.body.error);
      post({ type: "WA_EMBEDDED_SIGNUP", event: "FINISH", version: "3",
        data: { phone_number_id: r.body.phone_number_id, waba_id: r.body.waba_id, business_id: r.body.business_id } });
      post({ type: "SANDBOX_FB_LOGIN_RESPONSE", response: { status: "connected", authResponse: { code: r.body.code, expiresIn: 30 } } });
      step = 5; show(); setTimeout(function () { window.close(); }, 200);
    });
  };
  $("cancel").onclick = function () {
    post({ type: "WA_EMBEDDED_SIGNUP", event: "CANCEL", version: "3", data: serverError || { current_step: CANCEL_STEPS[STEPS[step]] } });
    post({ type: "SANDBOX_FB_LOGIN_RESPONSE", response: { status: "unknown", authResponse: null } });
    setTimeout(function () { window.close(); }, 100);
  };
  show();
})();
</script></body></html>`
}

module.exports = { sdkScript, popupPage, CANCEL_STEPS }
