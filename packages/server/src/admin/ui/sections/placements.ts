import { html, nothing, type TemplateResult } from 'lit';
import {
  ELEMENT_TAGS,
  placementAttributesOf,
  type ElementTag,
  type PlacementPosition,
} from '@comptoir/sdk/schemas';
import type { Ctx } from '../context.js';
import { fieldId, inputField, selectField } from '../fields.js';
import type { MessageKey } from '../i18n.js';

const POSITIONS: PlacementPosition[] = ['before', 'after', 'prepend', 'append'];

/** The merchant's name for an element ("Free shipping bar"). */
export function elementName(ctx: Ctx, tag: ElementTag): string {
  return ctx.t(`placements.element.${tag}` as MessageKey);
}

/** True when the browser can parse `selector` as CSS (the loader runs it in the shopper's browser). */
function selectorIsValid(selector: string): boolean {
  if (!selector.trim()) return true;
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

/** Placements: widgets the loader inserts by CSS selector, for themes the merchant cannot edit. */
export function renderPlacements(ctx: Ctx): TemplateResult {
  const placements = ctx.draft.placements;
  return html`
    <p class="lead">${ctx.t('placements.intro')}</p>
    ${placements.length === 0 ? html`<p class="empty">${ctx.t('placements.empty')}</p>` : nothing}
    <ol class="cards">
      ${placements.map((placement, index) => {
        const base = `placements.${index}`;
        const set = (change: (p: typeof placement) => void) =>
          ctx.edit((d) => change(d.placements[index]!));
        const title = ctx.t('placements.item', {
          element: elementName(ctx, placement.element),
          n: index + 1,
        });
        const attributes = Object.entries(placement.attributes ?? {});
        // Only the element's documented attributes: anything else (an `onfocus`) the server refuses.
        const allowed = placementAttributesOf(placement.element);
        const unused = allowed.filter((name) => !(name in (placement.attributes ?? {})));
        const selectorOk = selectorIsValid(placement.selector);
        return html`<li class="card">
          <div class="card-head">
            <h2>${title}</h2>
            <button
              type="button"
              class="danger-link"
              @click=${() => ctx.edit((d) => d.placements.splice(index, 1))}
            >
              ${ctx.t('common.remove')}<span class="visually-hidden"> — ${title}</span>
            </button>
          </div>
          <div class="grid two">
            ${selectField(ctx, {
              path: `${base}.element`,
              label: ctx.t('placements.element'),
              value: placement.element,
              choices: ELEMENT_TAGS.map((tag) => ({ value: tag, label: elementName(ctx, tag) })),
              onValue: (v) =>
                set((p) => {
                  p.element = v as ElementTag;
                  const kept = Object.entries(p.attributes ?? {}).filter(([name]) =>
                    placementAttributesOf(v).includes(name),
                  );
                  p.attributes = kept.length ? Object.fromEntries(kept) : undefined;
                }),
            })}
            ${selectField(ctx, {
              path: `${base}.position`,
              label: ctx.t('placements.position'),
              value: placement.position,
              choices: POSITIONS.map((position) => ({
                value: position,
                label: ctx.t(`placements.position.${position}` as MessageKey),
              })),
              onValue: (v) => set((p) => (p.position = v as PlacementPosition)),
            })}
          </div>
          ${inputField(ctx, {
            path: `${base}.selector`,
            label: ctx.t('placements.selector'),
            hint: ctx.t('placements.selectorHint'),
            required: true,
            value: placement.selector,
            placeholder: '.product-form',
            class: 'mono',
            onValue: (v) => set((p) => (p.selector = v)),
          })}
          ${selectorOk ? nothing : html`<p class="field-warning" role="status"><span aria-hidden="true">!</span> ${ctx.t('placements.selectorInvalid')}</p>`}
          <fieldset class="field group attributes">
            <legend>${ctx.t('placements.attributes')}</legend>
            <p class="hint">${ctx.t('placements.attributesHint')}</p>
            ${attributes.map(([name, value], attrIndex) => {
              const rename = (next: string) =>
                set((p) => {
                  // Rebuild in the same order so the row does not jump.
                  const entries = Object.entries(p.attributes ?? {});
                  entries[attrIndex] = [next, value];
                  p.attributes = Object.fromEntries(entries);
                });
              return html`<div class="grid attribute-row">
                ${selectField(ctx, {
                  path: `${base}.attributes.${name}`,
                  label: ctx.t('placements.attrName'),
                  value: name,
                  // A name saved before the list existed stays visible, with the server's error.
                  choices: [...new Set([name, ...unused])]
                    .filter((choice) => choice !== '')
                    .map((choice) => ({ value: choice, label: choice })),
                  class: 'mono',
                  onValue: rename,
                })}
                ${inputField(ctx, {
                  path: `${base}.attributes.${name}.value`,
                  label: ctx.t('placements.attrValue'),
                  value,
                  onValue: (v) => set((p) => (p.attributes = { ...p.attributes, [name]: v })),
                })}
                <button
                  type="button"
                  class="danger-link align-end"
                  @click=${() =>
                    set((p) => {
                      const next = { ...p.attributes };
                      delete next[name];
                      p.attributes = Object.keys(next).length ? next : undefined;
                    })}
                >
                  ${ctx.t('common.remove')}<span class="visually-hidden"> — ${name}</span>
                </button>
              </div>`;
            })}
            ${ctx.error(`${base}.attributes`) ? html`<p class="field-error" id=${`${fieldId(`${base}.attributes`)}-error`}><span aria-hidden="true">!</span> ${ctx.error(`${base}.attributes`)}</p>` : nothing}
            <button
              type="button"
              class="secondary small"
              ?disabled=${unused.length === 0}
              @click=${() => set((p) => (p.attributes = { ...p.attributes, [unused[0]!]: '' }))}
            >
              + ${ctx.t('placements.addAttribute')}
            </button>
          </fieldset>
        </li>`;
      })}
    </ol>
    ${
      placements.length < 30
        ? html`<button
            type="button"
            class="secondary"
            @click=${() => ctx.edit((d) => d.placements.push({ element: 'comptoir-free-shipping', selector: '', position: 'after' }))}
          >
            + ${ctx.t('placements.add')}
          </button>`
        : nothing
    }
  `;
}
