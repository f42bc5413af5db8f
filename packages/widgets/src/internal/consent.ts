import { html, nothing } from 'lit';
import type { ComptoirElement } from './comptoir-element.js';

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/**
 * The email field and the unticked consent box (its text and privacy link from the config),
 * shared by the absence banner and the cart capture. `prefix` keeps ids unique in a shadow root.
 */
export function consentFields(
  host: ComptoirElement,
  prefix: string,
  consentText: string,
  privacyUrl: string | undefined,
  error: string,
) {
  return html`<div class="field">
      <label for="${prefix}-email">${host.localize.t('emailLabel')}</label>
      <input
        id="${prefix}-email"
        name="email"
        type="email"
        autocomplete="email"
        required
        aria-describedby=${error ? `${prefix}-error` : nothing}
        aria-invalid=${error ? 'true' : 'false'}
      />
    </div>
    <div class="consent">
      <input id="${prefix}-consent" name="consent" type="checkbox" />
      <label for="${prefix}-consent"
        ><span data-consent-text>${consentText}</span>${
          privacyUrl
            ? html` <a href=${privacyUrl} target="_blank" rel="noopener"
                >${host.localize.t('privacyLink')}</a
              >`
            : nothing
        }</label
      >
    </div>
    <p id="${prefix}-error" class="error" role="alert">${error}</p>`;
}

/** Reads the form the fields above live in: the email and the exact consent text, or what is wrong. */
export function readConsentForm(
  form: HTMLFormElement,
): { email: string; consentText: string } | { error: 'errorEmail' | 'errorConsent' } {
  const email = (form.querySelector<HTMLInputElement>('input[name=email]')?.value ?? '').trim();
  if (!EMAIL.test(email) || email.length > 254) return { error: 'errorEmail' };
  if (!form.querySelector<HTMLInputElement>('input[name=consent]')?.checked)
    return { error: 'errorConsent' };
  const consentText = form.querySelector('[data-consent-text]')?.textContent ?? '';
  return { email, consentText };
}
