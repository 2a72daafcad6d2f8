import fs from "node:fs"
import path from "node:path"
import { parseMessageContext } from "../webhook-message-context"
import { splitWebhookPayload } from "../webhook-payload"

// pywa's test payloads (sources in fixtures/lifecycle/README.md).
const pywa = JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", "lifecycle", "pywa.json"), "utf8"))
const contextOf = (name: string) => {
  const [item] = splitWebhookPayload(pywa[name])
  if (item.kind !== "message") throw new Error(`${name}: ${item.kind}`)
  return item.context
}

describe("parseMessageContext", () => {
  it("reads a reaction, and a removal with the emoji empty or left out", () => {
    expect(contextOf("reaction").action).toEqual({ kind: "reaction", target_wamid: "wamid.yzxyzx=", emoji: "😮" })
    expect(contextOf("unreaction_empty").action).toEqual({ kind: "reaction", target_wamid: "wamid.yzxyzx=", emoji: null })
    expect(contextOf("unreaction_no_emoji").action).toEqual({ kind: "reaction", target_wamid: "wamid.yzxyzx=", emoji: null })
  })

  it("reads an edit's target and new text, from a text or a caption", () => {
    expect(contextOf("edit_text").action).toEqual({ kind: "edit", target_wamid: "wamid.zzzzzz", text: "Text was edited" })
    expect(contextOf("edit_caption").action).toEqual({ kind: "edit", target_wamid: "wamid.zzzzzz", text: "caption" })
  })

  it("reads a revoke's target", () => {
    expect(contextOf("revoke").action).toEqual({ kind: "revoke", target_wamid: "<ORIGINAL_WHATSAPP_MESSAGE_ID>" })
  })

  it("links a reply by context.id and reads forwarding", () => {
    expect(contextOf("reply")).toMatchObject({ reply_to_wamid: "wamid.xyzxyz==", forwarded: false, action: null })
    expect(contextOf("forwarded")).toMatchObject({ forwarded: true, frequently_forwarded: false })
    // Meta sends frequently_forwarded alone; such a message is forwarded as well.
    expect(contextOf("forwarded_many_times")).toMatchObject({ forwarded: true, frequently_forwarded: true })
  })

  it("reads every referral field Meta documents", () => {
    expect(contextOf("referral").referral).toEqual({
      source_url: "AD_OR_POST_FB_URL",
      source_id: "ADID",
      source_type: "ad or post",
      headline: "AD_TITLE",
      body: "AD_DESCRIPTION",
      media_type: "image or video",
      image_url: "RAW_IMAGE_URL",
      video_url: "RAW_VIDEO_URL",
      thumbnail_url: "RAW_THUMBNAIL_URL",
      ctwa_clid: "CTWA_CLID",
      welcome_message: null,
    })
    expect(parseMessageContext({ type: "text", referral: { source_id: "1", welcome_message: { text: "Hi!" } } }).referral).toMatchObject({
      source_id: "1",
      welcome_message: "Hi!",
    })
  })

  it("leaves an unsupported message (131051) and odd shapes without context", () => {
    expect(contextOf("unsupported")).toEqual({ reply_to_wamid: null, forwarded: false, frequently_forwarded: false, action: null, referral: null })
    expect(parseMessageContext({ type: "edit", edit: { message: { type: "text", text: { body: "x" } } } }).action).toBeNull()
    expect(parseMessageContext({ type: "reaction", reaction: { emoji: "👍" } }).action).toBeNull()
    expect(parseMessageContext({ type: "text", referral: {} }).referral).toBeNull()
    expect(parseMessageContext("nope").action).toBeNull()
  })
})
