import { z } from 'zod';
import { localizedText } from './localized-text.js';
import { Identifier, LongText, ShortText } from './primitives.js';

/** One question and its answer, in a category. The answer is plain text; blank lines split paragraphs. */
export const FaqEntry = z.strictObject({
  id: Identifier,
  /** Per language like the question; an empty category groups nothing. */
  category: localizedText(ShortText),
  question: localizedText(ShortText.min(1, 'Required')),
  answer: localizedText(LongText.min(1, 'Required')),
});
export type FaqEntry = z.infer<typeof FaqEntry>;

/** The whole FAQ, in display order. */
export const FaqList = z
  .array(FaqEntry)
  .max(300, 'At most 300 questions')
  .superRefine((entries, ctx) => {
    const seen = new Set<string>();
    entries.forEach((entry, index) => {
      if (seen.has(entry.id)) {
        ctx.addIssue({
          code: 'custom',
          message: `Duplicate question id "${entry.id}"`,
          path: [index, 'id'],
        });
      }
      seen.add(entry.id);
    });
  });
