import { html, type TemplateResult } from 'lit/html.js';
import { sendJson } from '../../internal/api.js';
import {
  consentFields,
  consentStyles,
  focusInvalidField,
  readConsentForm,
} from '../../internal/consent.js';
import type { ComptoirElement } from '../../internal/comptoir-element.js';
import type { FormError } from '../../internal/consent.js';
import type { LocalizedTextValue } from '@comptoir/sdk/text';

/** The banner's form state (`ComptoirAbsenceBanner`'s, declared here: the banner imports this). */
interface NotifyHost extends ComptoirElement {
  formOpen: boolean;
  formState: 'idle' | 'sending' | 'done';
  error: FormError | undefined;
}

/**
 * The banner's "tell me when you're back" button and form, with its explicit consent box: loaded
 * only by a banner with `notify` (the banner holds its first render until it is here).
 */
export function renderNotify(
  host: NotifyHost,
  absenceId: string,
  consentText: LocalizedTextValue,
  privacyUrl?: string,
): TemplateResult {
  addFormStyles(host);
  if (host.formState === 'done') {
    return html`<p part="notify" role="status">${host.localize.t('absenceNotifyDone')}</p>`;
  }
  if (!host.formOpen) {
    return html`<button
      part="notify"
      class="link"
      type="button"
      aria-expanded="false"
      @click=${host.guard(async () => {
        host.formOpen = true;
        await host.updateComplete;
        host.renderRoot.querySelector<HTMLInputElement>('input[type=email]')?.focus();
      })}
    >
      ${host.localize.t('absenceNotify')}
    </button>`;
  }
  return html`<form
    part="notify"
    novalidate
    @submit=${host.guard((event: SubmitEvent) => subscribeToReturn(host, event, absenceId))}
  >
    ${consentFields(host, 'absence', consentText, privacyUrl)}
    <button class="button" type="submit" ?disabled=${host.formState === 'sending'}>
      ${host.localize.t('absenceNotifySubmit')}
    </button>
  </form>`;
}

const styled = new WeakSet<Element>();

/** The form's styles join the banner's (they are not in it: only a banner with `notify` needs them). */
function addFormStyles(host: NotifyHost): void {
  if (styled.has(host) || !host.renderRoot) return;
  styled.add(host);
  host.renderRoot.adoptedStyleSheets = [...host.renderRoot.adoptedStyleSheets, consentStyles.sheet];
}

async function subscribeToReturn(
  host: NotifyHost,
  event: SubmitEvent,
  absenceId: string,
): Promise<void> {
  event.preventDefault();
  const read = readConsentForm(event.target as HTMLFormElement);
  if ('error' in read) {
    host.error = { field: read.field, message: host.localize.t(read.error) };
    await focusInvalidField(host, host.error);
    return;
  }
  host.error = undefined;
  host.formState = 'sending';
  try {
    await sendJson('POST', '/absence-subscriptions', {
      email: read.email,
      consent: { granted: true, text: read.consentText },
      absenceId,
      locale: host.localize.locale,
    });
    host.formState = 'done';
    host.emit('comptoir-absence-subscribed', { absenceId });
  } catch {
    host.formState = 'idle';
    host.error = { field: 'form', message: host.localize.t('errorNetwork') };
  }
}
