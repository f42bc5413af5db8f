import { z } from 'zod';
import { Locale, WellFormedText } from './primitives.js';

const CssColor = z
  .string()
  .max(64)
  .regex(
    /^(#[0-9a-fA-F]{3,8}|(rgb|rgba|hsl|hsla|oklch)\([\d\s.,%/-]+\)|[a-z]+)$/,
    'Expected a CSS colour like #1a7f5a',
  );

const CssLength = z
  .string()
  .max(32)
  .regex(/^\d+(\.\d+)?(px|rem|em|%)?$/, 'Expected a CSS length like 8px or 0.5rem');

/** Theme values the widgets map to their `--comptoir-*` custom properties. */
export const Theme = z.strictObject({
  accentColor: CssColor.optional(),
  textColor: CssColor.optional(),
  backgroundColor: CssColor.optional(),
  borderRadius: CssLength.optional(),
  fontFamily: z
    .string()
    .max(200)
    .regex(/^[^;{}<>]*$/, 'Font families cannot contain ; { } < >')
    .optional(),
});
export type Theme = z.infer<typeof Theme>;

/** The merchant's own wording: per language, a translation key and the text that replaces it. */
export const StringOverrides = z.partialRecord(
  Locale,
  z.record(
    z
      .string()
      .max(64)
      .regex(/^[a-zA-Z][\w.]*$/),
    WellFormedText.max(1000),
  ),
);
export type StringOverrides = z.infer<typeof StringOverrides>;
