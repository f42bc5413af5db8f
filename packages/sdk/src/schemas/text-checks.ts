import type { z } from 'zod';
import { placeholdersOf, textIn, type LocalizedTextValue } from '../text/index.js';

/** The values a recovery email's subject and body may use. */
export const EMAIL_PLACEHOLDERS = ['shopName', 'coupon'] as const;

/** The values the review request's subject and body may use (the win-back's: EMAIL_PLACEHOLDERS). */
export const REVIEW_REQUEST_PLACEHOLDERS = ['shopName'] as const;
/** The values the order confirmation's paragraph may use. */
export const CONFIRMATION_PLACEHOLDERS = ['shopName'] as const;

/** The values a custom restore-link pattern may use. */
export const RESTORE_PLACEHOLDERS = ['cartId', 'items', 'coupon'] as const;

/**
 * Every value the widgets' texts take, so that an override's `{labl}` is refused. A new widget
 * string with a new value adds its name here.
 */
export const WIDGET_PLACEHOLDERS = [
  'range',
  'end',
  'date',
  'amount',
  'label',
  'duration',
  'hours',
  'minutes',
  'method',
  'event',
  'query',
  'count',
] as const;

type Issues = z.core.$RefinementCtx;

/** Reports each `{name}` in `text` that is not one of `allowed`, on `path`. */
export function checkPlaceholders(
  ctx: Issues,
  text: string | undefined,
  allowed: readonly string[],
  path: PropertyKey[],
): void {
  if (!text) return;
  for (const name of placeholdersOf(text)) {
    if (allowed.includes(name)) continue;
    ctx.addIssue({
      code: 'custom',
      message: `Unknown placeholder {${name}}: this text can use ${allowed.map((a) => `{${a}}`).join(', ')}`,
      path,
      params: { placeholder: name, allowed: [...allowed] },
    });
  }
}

/** Reports a required merchant text that has nothing in the shop's default language. */
export function checkDefaultText(
  ctx: Issues,
  text: LocalizedTextValue | undefined,
  defaultLocale: string,
  path: PropertyKey[],
): void {
  if (text === undefined || typeof text === 'string') return; // plain strings are checked by type
  if (textIn(text, defaultLocale, defaultLocale).trim()) return;
  ctx.addIssue({
    code: 'custom',
    message: 'Required in the shop’s default language',
    path: [...path, defaultLocale],
    params: { reason: 'default-language' },
  });
}
