// Error bodies in the shape the Graph API answers with.
const crypto = require("node:crypto")

function metaError(status, code, message, { subcode, details, type = "OAuthException" } = {}) {
  return {
    status,
    body: {
      error: {
        message,
        type,
        code,
        ...(subcode ? { error_subcode: subcode } : {}),
        ...(details ? { error_data: { messaging_product: "whatsapp", details } } : {}),
        fbtrace_id: crypto.randomBytes(8).toString("base64url"),
      },
    },
  }
}

const errors = {
  badToken: () => metaError(401, 190, "Invalid OAuth access token - Cannot parse access token"),
  unknownObject: (id) =>
    metaError(400, 100, `Unsupported post request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, { subcode: 33, type: "GraphMethodException" }),
  invalidParameter: (details) => metaError(400, 100, "(#100) Invalid parameter", { details }),
  throughput: () => metaError(429, 130429, "(#130429) Rate limit hit", { details: "Cloud API message throughput has been reached." }),
  serverError: () => metaError(500, 131000, "Something went wrong", { details: "Something went wrong" }),
  templateMissing: (name, lang) =>
    metaError(404, 132001, "(#132001) Template name does not exist in the translation", { details: `template name (${name}) does not exist in ${lang}` }),
  templatePaused: (name) => metaError(400, 132015, "(#132015) Template is paused", { details: `Template ${name} is paused due to low quality` }),
  templateNotApproved: (name, status) => metaError(400, 132001, "(#132001) Template name does not exist in the translation", { details: `template ${name} is ${status}, not APPROVED` }),
  // WhatsApp error codes (https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes):
  // 131008 "Required parameter is missing", 131009 "Parameter value is not valid".
  missingParameter: (details) => metaError(400, 131008, "(#131008) Required parameter is missing", { details }),
  invalidValue: (details) => metaError(400, 131009, "(#131009) Parameter value is not valid", { details }),
  /** Problems from validate-message, answered with the code of the most basic kind found. */
  forProblems(problems) {
    for (const [code, answer] of [[100, errors.invalidParameter], [131008, errors.missingParameter], [131009, errors.invalidValue]]) {
      const found = problems.filter((p) => p.code === code)
      if (found.length) return answer(found.map((p) => p.text).join("; "))
    }
    return errors.invalidValue(problems.map((p) => p.text).join("; "))
  },
  templateDisabled: (name) => metaError(400, 132016, "(#132016) Template is disabled", { details: `Template ${name} has been disabled` }),
  /** Delivered by webhook, not answered: the customer stopped marketing messages from this business. */
  marketingStopped: () => ({
    code: 131050,
    title: "Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.",
    message: "Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.",
    error_data: { details: "Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business." },
  }),
  templateParams: (details) => metaError(400, 132000, "(#132000) Number of parameters does not match the expected number of params", { details }),
}

module.exports = { metaError, errors }
