import { z } from 'zod';
import { localizedText } from './localized-text.js';
import { HttpUrl, Identifier, ShortText, Weekday } from './primitives.js';

/** A wall-clock moment in the shop's time zone, `YYYY-MM-DDTHH:mm` (as `<input type=datetime-local>`). */
export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/, {
    message: 'Expected a date and time like 2026-12-24T18:00',
  });
export type LocalDateTime = z.infer<typeof LocalDateTime>;

/** A page path the message shows on: exact (`/cart`), or a prefix ending in `*` (`/products/*`). */
export const PathPattern = z
  .string()
  .max(200, 'At most 200 characters')
  .regex(/^\/[^\s*]*\*?$/, { message: 'Expected a path like /cart or /products/*' });

/** The devices a message shows on: phones (viewport up to 640 px wide) or larger screens. */
export const AnnouncementDevice = z.enum(['mobile', 'desktop']);

/** One message of the announcement bar, e.g. "Free shipping this weekend" with a link. */
export const Announcement = z
  .strictObject({
    id: Identifier,
    /** The message, plain or per language (the shopper's language, else the shop's default). */
    text: localizedText(ShortText.min(1, 'Required')),
    /** A call to action after the text; its label, like the text, plain or per language. */
    link: z
      .strictObject({ url: HttpUrl, label: localizedText(ShortText.min(1, 'Required')) })
      .optional(),
    /** Shown from this moment, in the shop's time zone (default: now). */
    start: LocalDateTime.optional(),
    /** Shown until this moment, in the shop's time zone (default: no end). */
    end: LocalDateTime.optional(),
    /** Shown only on these weekdays, in the shop's time zone (default: every day). */
    weekdays: z.array(Weekday).min(1, 'Choose at least one day').max(7).optional(),
    /** Shows the time left until `end` ("Ends in 2 h 14 min"). */
    countdown: z.boolean().optional(),
    /** Shown only on pages whose path matches one of these (default: every page). */
    paths: z.array(PathPattern).min(1).max(20).optional(),
    /** Shown only on these devices (default: all). */
    devices: z.array(AnnouncementDevice).min(1).max(2).optional(),
  })
  .refine((message) => !message.start || !message.end || message.start < message.end, {
    message: 'The message ends before it starts',
    path: ['end'],
  })
  .refine((message) => !message.countdown || message.end, {
    message: 'A countdown needs an end',
    path: ['countdown'],
  });
export type Announcement = z.infer<typeof Announcement>;

/** The announcement bar's messages, shown one at a time when several apply. */
export const AnnouncementSettings = z
  .strictObject({
    messages: z.array(Announcement).max(20, 'At most 20 messages'),
    /** Seconds each message shows before the next (no rotation under reduced motion). */
    rotateSeconds: z.number().int().min(3, 'At least 3 seconds').max(60, 'At most 60 seconds'),
  })
  .superRefine((settings, ctx) => {
    const seen = new Set<string>();
    settings.messages.forEach((message, index) => {
      if (seen.has(message.id))
        ctx.addIssue({
          code: 'custom',
          message: `Duplicate message id "${message.id}"`,
          path: ['messages', index, 'id'],
        });
      seen.add(message.id);
    });
  });
export type AnnouncementSettings = z.infer<typeof AnnouncementSettings>;
