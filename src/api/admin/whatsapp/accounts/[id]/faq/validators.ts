import { z } from "@medusajs/framework/zod"
import { SUPPORTED_LANGUAGES } from "../../../../../../lib/account-settings"
import { FAQ_TOPICS } from "../../../../../../lib/concierge/intents"

/** Answers to set: an empty or null answer removes that topic's answer in that language. */
export const AdminSaveFaqAnswers = z
  .object({
    answers: z
      .array(
        z
          .object({
            topic: z.enum(FAQ_TOPICS),
            language: z.enum(SUPPORTED_LANGUAGES),
            answer: z.string().trim().max(4096, "an answer is longer than 4096 characters (WhatsApp's text limit)").nullable(),
          })
          .strict()
      )
      .min(1, "send at least one answer")
      .max(FAQ_TOPICS.length * SUPPORTED_LANGUAGES.length),
  })
  .strict()
  .refine((b) => new Set(b.answers.map((a) => `${a.topic}:${a.language}`)).size === b.answers.length, {
    message: "each topic and language may appear once",
  })
export type AdminSaveFaqAnswersType = z.infer<typeof AdminSaveFaqAnswers>
