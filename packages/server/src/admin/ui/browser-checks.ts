import { placeholdersOf } from '@comptoir/sdk/text';
import type { ShopConfig } from '@comptoir/sdk/schemas';
import { translations, type TranslationKey } from '@comptoir/widgets/translations';
import { defaultText } from './sections/texts.js';
import type { ValidationIssue } from './validation.js';

/** True when this browser's own selector engine accepts `selector` (stricter than the server's check). */
export function browserAcceptsSelector(selector: string): boolean {
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

/**
 * The checks only the page can make: selectors through the browser's own parser, and each widget
 * text override's placeholders against the ones that entry really takes (the server knows only
 * the names any entry takes).
 */
export function browserChecks(config: ShopConfig): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const selector = (path: string, value: string | undefined) => {
    if (value && !browserAcceptsSelector(value))
      issues.push({ path, code: 'invalid_format', message: 'Not a valid CSS selector' });
  };
  config.placements.forEach((placement, index) =>
    selector(`placements.${index}.selector`, placement.selector),
  );
  selector('capture.anchorSelector', config.capture.anchorSelector);
  selector('capture.emailFieldSelector', config.capture.emailFieldSelector);
  config.calendar.absences.forEach((absence, index) =>
    selector(`calendar.absences.${index}.cartButtons.selector`, absence.cartButtons?.selector),
  );
  for (const [locale, overrides] of Object.entries(config.strings)) {
    for (const [key, text] of Object.entries(overrides ?? {})) {
      if (!(key in translations.en)) continue;
      const allowed = placeholdersOf(defaultText(translations.en, key as TranslationKey));
      for (const name of placeholdersOf(text)) {
        if (allowed.includes(name)) continue;
        const path = `strings.${locale}.${key}`;
        // The server may already report a name no entry takes; one message per field is enough.
        if (issues.some((issue) => issue.path === path)) continue;
        issues.push({
          path,
          code: 'custom',
          message: `Unknown placeholder {${name}}`,
          params: { placeholder: name, allowed },
        });
      }
    }
  }
  return issues;
}
