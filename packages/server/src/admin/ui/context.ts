import type { ShopConfig } from '@comptoir/sdk/schemas';
import type { AdminClient } from './api.js';
import type { Translate, UiLocale } from './i18n.js';
import type { DraftController } from './draft-controller.js';
import type { EmailPreviewController } from './email-preview-controller.js';
import type { PreviewController } from './preview-controller.js';
import type { ViewKey } from './views.js';
import type { ValidationIssue } from './validation.js';

/** What every section of the config page renders from and edits through. */
export interface Ctx {
  /** A UI string in the page's language, with its values when it takes some (typed per key). */
  t: Translate;
  locale: UiLocale;
  /** The draft's controller, shared by every section (version, issues, saving…). */
  config: DraftController;
  /** The live preview's controller: the language, moment and sample cart being previewed. */
  preview: PreviewController;
  /** The After the order section's email preview (rendered by the server from the draft). */
  emailPreview: EmailPreviewController;
  /** The unsaved draft the forms edit. */
  draft: ShopConfig;
  /** True when the draft differs from the saved config. */
  dirty: boolean;
  /** Applies a change to a copy of the draft and re-renders. */
  edit: (change: (draft: ShopConfig) => void) => void;
  /** Notes that the merchant is editing `path`, so its errors show as they type. */
  touch: (path: string) => void;
  /** The validation error for a dotted path, if any. */
  error: (path: string, includeChildren?: boolean) => string | undefined;
  /** The sdk's admin API (the session cookie and its CSRF token). */
  api: AdminClient;
  /** What to show for a failed request, in the page's language. */
  errorText: (error: unknown) => string;
  /** A section's own state, kept across re-renders (see `defineView`). */
  view: <T extends object>(key: ViewKey<T>) => T;
  /** Re-renders the page after a section changed its own state. */
  update: () => void;
  /** Speaks a message in the page's polite live region. */
  announce: (message: string) => void;
  /** A `YYYY-MM-DD` day in the page's language ("Thu 18 Dec 2026"). */
  formatDate: (date: string, options?: Intl.DateTimeFormatOptions) => string;
  /** An instant (ISO 8601) in the shop's time zone and the page's language. */
  formatInstant: (instant: string) => string;
  /** An amount in minor units in the page's language. */
  formatMoney: (minor: number, currency: string) => string;
  /** A draft issue as the error summary words it: "FAQ 3 — Question (French): …". */
  issueLine: (issue: ValidationIssue) => string;
}
