import { Button, Container, Heading, Label, Text, Textarea } from "@medusajs/ui"
import { useEffect, useState } from "react"
import type { AdminWhatsAppFaqAnswer } from "../../../types/http"
import { useFaqAnswers, useSaveFaqAnswers } from "../../hooks/concierge"
import { apiErrorMessage } from "../../lib/api-error"

const TOPICS: { topic: AdminWhatsAppFaqAnswer["topic"]; label: string; hint: string }[] = [
  { topic: "shipping", label: "Shipping", hint: "Cost, delivery time, where you ship." },
  { topic: "returns", label: "Returns and exchanges", hint: "How long, how, who pays." },
  { topic: "payment", label: "Payment methods", hint: "Cards, transfer, cash on delivery…" },
  { topic: "hours", label: "Opening hours", hint: "When a person answers." },
]
const LANGUAGES: { language: AdminWhatsAppFaqAnswer["language"]; label: string }[] = [
  { language: "es", label: "Español" },
  { language: "pt", label: "Português" },
  { language: "en", label: "English" },
]
const keyOf = (topic: string, language: string) => `${topic}:${language}`

/**
 * The merchant's answers to common questions, per language. A customer
 * gets the answer in their language, else in the account's; a topic with
 * no answer at all hands the conversation to a person.
 */
export const FaqEditor = ({ accountId }: { accountId: string }) => {
  const { data, error, isLoading } = useFaqAnswers(accountId)
  const save = useSaveFaqAnswers(accountId)
  const [draft, setDraft] = useState<Record<string, string>>({})
  useEffect(() => {
    setDraft(Object.fromEntries((data?.faq_answers ?? []).map((a) => [keyOf(a.topic, a.language), a.answer])))
  }, [data])

  const submit = () => {
    const answers = TOPICS.flatMap(({ topic }) => LANGUAGES.map(({ language }) => ({ topic, language, answer: draft[keyOf(topic, language)]?.trim() || null })))
    save.mutate(answers as any)
  }

  return (
    <Container className="divide-y p-0" data-testid="faq-editor">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">FAQ answers</Heading>
          <Text size="small" className="text-ui-fg-subtle">Sent when a customer asks; empty topics go to a person.</Text>
        </div>
        <Button size="small" onClick={submit} isLoading={save.isPending} disabled={isLoading} data-testid="faq-save">
          Save answers
        </Button>
      </div>
      {error && <Text className="px-6 py-4 text-ui-fg-error">{apiErrorMessage(error)}</Text>}
      {TOPICS.map(({ topic, label, hint }) => (
        <div key={topic} className="flex flex-col gap-3 px-6 py-4">
          <div>
            <Text weight="plus">{label}</Text>
            <Text size="small" className="text-ui-fg-subtle">{hint}</Text>
          </div>
          <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
            {LANGUAGES.map(({ language, label: languageLabel }) => {
              const id = `faq-${topic}-${language}`
              return (
                <div key={language} className="flex flex-col gap-1">
                  <Label htmlFor={id} size="xsmall">{languageLabel}</Label>
                  <Textarea
                    id={id}
                    data-testid={id}
                    rows={3}
                    maxLength={4096}
                    value={draft[keyOf(topic, language)] ?? ""}
                    onChange={(e) => setDraft((d) => ({ ...d, [keyOf(topic, language)]: e.target.value }))}
                  />
                </div>
              )
            })}
          </div>
        </div>
      ))}
    </Container>
  )
}
