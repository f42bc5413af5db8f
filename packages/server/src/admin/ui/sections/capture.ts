import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { CaptureMode } from '@comptoir/sdk/schemas';
import type { Ctx } from '../context.js';
import { checkboxField, inputField, localizedField } from '../fields.js';

/** Cart capture: the email field with consent that starts the recovery emails. */
export function renderCapture(ctx: Ctx): TemplateResult {
  const capture = ctx.draft.capture;
  const modes: CaptureMode[] = ['inline', 'popover', 'exit-intent'];
  return html`
    <p class="lead">${ctx.t('capture.intro')}</p>
    <div class="card">
      ${checkboxField(ctx, { path: 'capture.enabled', label: ctx.t('capture.enabled'), checked: capture.enabled, onValue: (v) => ctx.edit((d) => (d.capture.enabled = v)) })}
      <fieldset class="field group">
        <legend>${ctx.t('capture.mode')}</legend>
        <div class="radio-cards">
          ${modes.map(
            (mode) =>
              html`<label class="radio-card">
                <input
                  type="radio"
                  name="capture-mode"
                  value=${mode}
                  .checked=${live(capture.mode === mode)}
                  @change=${() => ctx.edit((d) => (d.capture.mode = mode))}
                />
                <span
                  ><strong>${ctx.t(`capture.mode.${mode}`)}</strong
                  ><span class="hint">${ctx.t(`capture.mode.${mode}.hint`)}</span></span
                >
              </label>`,
          )}
        </div>
      </fieldset>
      ${
        capture.mode === 'popover'
          ? inputField(ctx, {
              path: 'capture.anchorSelector',
              label: ctx.t('capture.anchorSelector'),
              hint: ctx.t('capture.anchorSelectorHint'),
              value: capture.anchorSelector,
              placeholder: '.cart-button',
              onValue: (v) => ctx.edit((d) => (d.capture.anchorSelector = v || undefined)),
            })
          : nothing
      }
      ${inputField(ctx, {
        path: 'capture.emailFieldSelector',
        label: ctx.t('capture.emailFieldSelector'),
        hint: ctx.t('capture.emailFieldSelectorHint'),
        value: capture.emailFieldSelector,
        placeholder: '#checkout-email',
        onValue: (v) => ctx.edit((d) => (d.capture.emailFieldSelector = v || undefined)),
      })}
      ${localizedField(ctx, {
        path: 'capture.consentText',
        label: ctx.t('capture.consentText'),
        hint: ctx.t('capture.consentTextHint'),
        required: true,
        multiline: true,
        value: capture.consentText,
        onValue: (v) => ctx.edit((d) => (d.capture.consentText = v ?? '')),
      })}
      <div class="grid three">
        ${inputField(ctx, {
          path: 'capture.privacyUrl',
          label: ctx.t('capture.privacyUrl'),
          type: 'url',
          value: capture.privacyUrl,
          placeholder: 'https://',
          onValue: (v) => ctx.edit((d) => (d.capture.privacyUrl = v || undefined)),
        })}
        ${inputField(ctx, {
          path: 'capture.dismissDays',
          label: ctx.t('capture.dismissDays'),
          type: 'number',
          min: 0,
          max: 365,
          value: capture.dismissDays,
          onValue: (v) => ctx.edit((d) => (d.capture.dismissDays = Number(v))),
        })}
        ${inputField(ctx, {
          path: 'capture.delaySeconds',
          label: ctx.t('capture.delaySeconds'),
          type: 'number',
          min: 0,
          max: 600,
          value: capture.delaySeconds,
          onValue: (v) => ctx.edit((d) => (d.capture.delaySeconds = Number(v))),
        })}
      </div>
    </div>
  `;
}
