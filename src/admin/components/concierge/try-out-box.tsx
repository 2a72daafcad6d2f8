import { Badge, Button, Container, Heading, Input, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTryConcierge } from "../../hooks/concierge"
import { apiErrorMessage } from "../../lib/api-error"

const INTENTS: Record<string, string> = {
  greeting: "Greeting → welcome with the catalog",
  thanks: "Thanks → you're welcome",
  faq: "Question → FAQ answer",
  order_status: "Where is my order → latest order's status",
  human: "Wants a person → handoff",
  search: "Product query → search",
  empty: "Nothing to read",
}
const LANGUAGE_NAMES: Record<string, string> = { es: "Spanish", pt: "Portuguese", en: "English" }

/** Type a text as a customer would and see how the concierge reads it; nothing is sent. */
export const TryOutBox = ({ accountId }: { accountId: string }) => {
  const [text, setText] = useState("")
  const tryOut = useTryConcierge(accountId)
  const result = tryOut.data
  return (
    <Container className="divide-y p-0" data-testid="concierge-try-out">
      <div className="px-6 py-4">
        <Heading level="h2">Try it out</Heading>
        <Text size="small" className="text-ui-fg-subtle">Type what a customer might write, e.g. “hola, busco una camiseta roja” or “where is my order?”.</Text>
      </div>
      <form
        className="flex gap-2 px-6 py-4"
        onSubmit={(e) => {
          e.preventDefault()
          if (text.trim()) tryOut.mutate(text)
        }}
      >
        <Input value={text} onChange={(e) => setText(e.target.value)} placeholder="A customer's message" data-testid="try-out-input" maxLength={4096} />
        <Button type="submit" size="small" isLoading={tryOut.isPending} data-testid="try-out-submit">Understand</Button>
      </form>
      {tryOut.error && <Text className="px-6 py-4 text-ui-fg-error">{apiErrorMessage(tryOut.error)}</Text>}
      {result && (
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 px-6 py-4 text-sm" data-testid="try-out-result">
          <dt className="text-ui-fg-subtle">Language</dt>
          <dd data-testid="try-out-language">
            {result.detected_language ? LANGUAGE_NAMES[result.detected_language] : "not clear from this text"} · answers in {LANGUAGE_NAMES[result.reply_language]}
          </dd>
          <dt className="text-ui-fg-subtle">Understood as</dt>
          <dd data-testid="try-out-intent">
            <Badge size="2xsmall">{result.intent}</Badge> {INTENTS[result.intent]}
            {result.faq_topic && ` (${result.faq_topic})`}
          </dd>
          {result.intent === "faq" && (
            <>
              <dt className="text-ui-fg-subtle">Answer sent</dt>
              <dd>{result.faq_answer ?? "No answer written for this topic: the conversation would go to a person."}</dd>
            </>
          )}
          {result.search && (
            <>
              <dt className="text-ui-fg-subtle">Searched for</dt>
              <dd data-testid="try-out-query">“{result.search.query}” → {result.search.understood.terms.join(", ") || "no product words"}</dd>
              <dt className="text-ui-fg-subtle">Would find</dt>
              <dd data-testid="try-out-matches">
                {result.search.matches.length ? (
                  <ul className="list-disc pl-4">
                    {result.search.matches.map((m) => (
                      <li key={m.product_id}>{m.title}{m.matched_variant ? " (the named variant)" : ""}</li>
                    ))}
                  </ul>
                ) : (
                  "Nothing: the customer would get the default reply."
                )}
              </dd>
            </>
          )}
        </dl>
      )}
    </Container>
  )
}
