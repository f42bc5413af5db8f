import { html, nothing } from 'lit/html.js';
import { css } from './css.js';
import type { LocalizedTextValue } from '@comptoir/sdk/text';
import type { ComptoirElement } from './comptoir-element.js';

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/**
 * The form's look: the buttons, the email field, the consent box and the errors (in the cart
 * capture's styles, and added to the banner's when its form loads; no other element has them).
 */
export const consentStyles = css`
  .button {
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--comptoir-button-text-color, Canvas);
    padding-block: 0.4em;
    padding-inline: 0.9em;
  }
  .button.secondary {
    background: transparent;
    color: inherit;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  input[type='email'] {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding-block: 0.4em;
    padding-inline: 0.6em;
    background: Field;
    color: FieldText;
    min-inline-size: 0;
  }
  .consent {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
  }
  .error {
    color: var(--comptoir-error-color, #b3261e);
    margin: 0;
  }
  @media (prefers-color-scheme: dark) {
    .error {
      color: var(--comptoir-error-color, #ffb4ab);
    }
  }
`;

/** A form error and where it shows: under the email field, under the box, or for the whole form. */
export interface FormError {
  field: 'email' | 'consent' | 'form';
  message: string;
}

/** Whether `value` looks like an email address the server will accept. */
export function isEmail(value: string): boolean {
  return EMAIL.test(value) && value.length <= 254;
}

function fieldError(prefix: string, field: FormError['field'], error: FormError | undefined) {
  return error?.field === field
    ? html`<p id="${prefix}-${field}-error" class="error">${error.message}</p>`
    : nothing;
}

/**
 * The email field and the unticked consent box (its text and privacy link from the config),
 * shared by the absence banner and the cart capture. `prefix` keeps ids unique in a shadow root.
 * Each error (the host's `error`) shows under its own field and is tied to it by `aria-describedby`,
 * until that field is put right; `email` prefills
 * the field (an address the shopper already typed elsewhere on the page).
 */
export function consentFields(
  host: ComptoirElement & { error: FormError | undefined },
  prefix: string,
  consentText: LocalizedTextValue | undefined,
  privacyUrl: string | undefined,
  email = '',
) {
  const error = host.error;
  // An error goes as soon as its field is put right, not at the next submit.
  const recheck = ({ target }: Event) => {
    const input = target as HTMLInputElement;
    if (error?.field === input.name && (input.checked || isEmail(input.value.trim())))
      host.error = undefined;
  };
  const invalid = (field: FormError['field']) => (error?.field === field ? 'true' : 'false');
  const describedBy = (field: FormError['field']) =>
    error?.field === field ? `${prefix}-${field}-error` : nothing;
  return html`<div class="field">
      <label for="${prefix}-email">${host.localize.t('emailLabel')}</label>
      <input
        id="${prefix}-email"
        name="email"
        type="email"
        autocomplete="email"
        required
        value=${email || nothing}
        aria-describedby=${describedBy('email')}
        aria-invalid=${invalid('email')}
        @input=${recheck}
      />
      ${fieldError(prefix, 'email', error)}
    </div>
    <div class="consent">
      <input
        id="${prefix}-consent"
        name="consent"
        type="checkbox"
        aria-describedby=${describedBy('consent')}
        aria-invalid=${invalid('consent')}
        @input=${recheck}
      />
      <label for="${prefix}-consent"
        ><span data-consent-text lang=${host.localize.langOf(consentText)}
          >${host.localize.text(consentText)}</span
        >${
          privacyUrl
            ? html` <a href=${privacyUrl} target="_blank" rel="noopener"
                >${host.localize.t('privacyLink')}</a
              >`
            : nothing
        }</label
      >
    </div>
    ${fieldError(prefix, 'consent', error)}
    <p class="error" role="alert">${error?.field === 'form' ? error.message : ''}</p>`;
}

/**
 * Reads the form the fields above live in: the email and the exact consent text, or what is wrong
 * and in which field.
 */
export function readConsentForm(
  form: HTMLFormElement,
):
  | { email: string; consentText: string }
  | { error: 'errorEmail' | 'errorConsent'; field: 'email' | 'consent' } {
  const emailInput = form.querySelector<HTMLInputElement>('input[name=email]');
  const consentBox = form.querySelector<HTMLInputElement>('input[name=consent]');
  const email = (emailInput?.value ?? '').trim();
  if (!isEmail(email)) return { error: 'errorEmail', field: 'email' };
  if (!consentBox?.checked) return { error: 'errorConsent', field: 'consent' };
  const consentText = form.querySelector('[data-consent-text]')?.textContent ?? '';
  return { email, consentText };
}

/** Focuses the field an error names, once it is rendered, so its error is read out with it. */
export async function focusInvalidField(host: ComptoirElement, error: FormError): Promise<void> {
  await host.updateComplete;
  if (error.field !== 'form')
    host.renderRoot.querySelector<HTMLInputElement>(`input[name=${error.field}]`)?.focus();
}
