import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import {
  axeViolations,
  captureWarnings,
  makeConfig,
  resetState,
  shadowText,
} from '../../testing/fixtures.js';
import type { PublishedConfig } from '@comptoir/sdk/schemas';
import type { ComptoirAbsenceBanner } from './absence-banner.js';
import './absence-banner.js';

const withAbsence = (
  now: string,
  message?: string,
  id = 'winter',
  extra: Partial<PublishedConfig['calendar']['absences'][number]> = {},
) => {
  const config = makeConfig({ now });
  config.calendar.absences = [
    { id, start: '2025-12-20', end: '2026-01-04', ...(message ? { message } : {}), ...extra },
  ];
  return config;
};
const UPCOMING = '2025-12-10T09:00:00Z';
const ACTIVE = '2025-12-22T09:00:00Z';

describe('comptoir-absence-banner', () => {
  beforeEach(() => resetState());

  const render = (config = withAbsence('2025-12-10T09:00:00Z'), lang = 'en', notify = false) =>
    fixture<ComptoirAbsenceBanner>(
      html`<comptoir-absence-banner
        lang=${lang}
        ?notify=${notify}
        .config=${config}
      ></comptoir-absence-banner>`,
    );

  it('announces an upcoming absence', async () => {
    const el = await render();
    expect(await axeViolations(el)).to.deep.equal([]);
    expect(shadowText(el)).to.match(/We're away 20 Dec( 2025)? – 4 Jan( 2026)?\./);
    expect(shadowText(el)).to.contain('orders placed now ship from Wed 10 Dec');
  });

  it('shows an active absence with the resume date, in French and Spanish', async () => {
    const fr = await render(withAbsence('2025-12-22T09:00:00Z'), 'fr');
    expect(await axeViolations(fr)).to.deep.equal([]);
    // The short month's dot ends the sentence once: no "janv..".
    expect(shadowText(fr)).to.contain('Nous sommes absents jusqu’au dim. 4 janv. ');
    expect(shadowText(fr)).to.contain('dès le lun. 5 janv.');
    expect(shadowText(fr)).not.to.contain('..');
    const es = await render(withAbsence('2025-12-22T09:00:00Z'), 'es');
    expect(shadowText(es)).to.contain('Estamos fuera hasta el');
  });

  it('writes an upcoming range as each language says it, with one full stop', async () => {
    const config = withAbsence('2025-12-01T09:00:00Z');
    config.calendar.absences = [{ id: 'dec', start: '2025-12-07', end: '2025-12-11' }];
    const texts: Record<string, string> = {};
    for (const lang of ['en', 'fr', 'de', 'es', 'it', 'nl'])
      texts[lang] = shadowText(await render(config, lang));
    expect(texts.en).to.contain("We're away 7–11 Dec.");
    expect(texts.fr).to.contain('Nous serons absents du 7 au 11 déc. ');
    expect(texts.fr).to.contain('expédiées dès le lun. 1 déc.');
    expect(texts.de).to.contain('Wir sind vom 7. bis 11. Dez. nicht da.');
    expect(texts.es).to.contain('Estaremos fuera del 7 al 11 dic.');
    expect(texts.it).to.contain('Saremo assenti dal 7 all’11 dic.');
    expect(texts.nl).to.contain('We zijn van 7 tot en met 11 dec afwezig.');
    for (const text of Object.values(texts)) expect(text).not.to.match(/[^.]\.\.(?!\.)/);
  });

  it("uses the merchant's message", async () => {
    const el = await render(withAbsence('2025-12-22T09:00:00Z', 'Gone fishing!'));
    expect(shadowText(el)).to.contain('Gone fishing!');
    const message = () => el.shadowRoot!.querySelector('[part=message]')!;
    expect(message().getAttribute('lang')).to.equal(null);
    // On a French page the English message (no French written) is marked English for screen
    // readers; the banner's own sentences stay French.
    el.lang = 'fr';
    el.requestUpdate();
    await el.updateComplete;
    expect(message().getAttribute('lang')).to.equal('en');
    expect(shadowText(el)).to.contain('Gone fishing!');
  });

  it('renders nothing without an absence, or after it', async () => {
    expect(shadowText(await render(withAbsence('2025-11-01T09:00:00Z')))).to.equal('');
    expect(shadowText(await render(withAbsence('2026-01-05T09:00:00Z')))).to.equal('');
  });

  it('is dismissed from the keyboard, and stays dismissed', async () => {
    const config = withAbsence('2025-12-10T09:00:00Z', undefined, 'kbd');
    const el = await render(config);
    let dismissed = '';
    el.addEventListener(
      'comptoir-absence-dismissed',
      (event) => (dismissed = event.detail.absenceId),
    );
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=dismiss]')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(dismissed).to.equal('kbd');
    expect(shadowText(el)).to.equal('');
    expect(shadowText(await render(config))).to.equal('');
  });

  it('keeps working when storage is blocked', async () => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    try {
      const el = await render(withAbsence('2025-12-10T09:00:00Z', undefined, 'blocked'));
      (el.shadowRoot!.querySelector('[part=dismiss]') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(shadowText(el)).to.equal('');
    } finally {
      Storage.prototype.setItem = original;
    }
  });

  it('offers "tell me when you\'re back" with explicit consent', async () => {
    const el = await render(withAbsence('2025-12-22T09:00:00Z'), 'en', true);
    const open = el.shadowRoot!.querySelector<HTMLButtonElement>('button[part=notify]')!;
    open.click();
    await el.updateComplete;
    expect(await axeViolations(el)).to.deep.equal([]);
    const consent = el.shadowRoot!.querySelector<HTMLInputElement>('input[name=consent]')!;
    expect(consent.checked).to.equal(false);
    el.shadowRoot!.querySelector<HTMLInputElement>('input[type=email]')!.value = 'ana@example.com';
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    await el.updateComplete;
    expect(shadowText(el)).to.contain('Tick the box to agree first.');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  // The banner loads its own strings and no form styles; the form brings both when it loads.
  it("gives the form its language's strings and the form styles", async () => {
    const el = await render(withAbsence('2025-12-22T09:00:00Z'), 'fr', true);
    expect(shadowText(el)).to.contain('Prévenez-moi à votre retour');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[part=notify]')!.click();
    await el.updateComplete;
    expect(shadowText(el)).to.contain('Adresse e-mail');
    // The shop's consent sentence exists in English only: marked as such.
    expect(el.shadowRoot!.querySelector('[data-consent-text]')!.getAttribute('lang')).to.equal(
      'en',
    );
    const submit = el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!;
    expect(getComputedStyle(submit).borderTopStyle).to.equal('solid');
    const field = el.shadowRoot!.querySelector('.field')!;
    expect(getComputedStyle(field).display).to.equal('flex');
  });

  it('renders nothing and warns once for a broken config', async () => {
    const warnings = captureWarnings();
    try {
      const broken = { ...makeConfig(), calendar: { timeZone: 'Europe/Paris' } } as never;
      const el = await render(broken);
      el.requestUpdate();
      await el.updateComplete;
      expect(shadowText(el)).to.equal('');
      expect(warnings.calls.length).to.equal(1);
    } finally {
      warnings.restore();
    }
  });

  const hostElements: HTMLElement[] = [];
  const addToPage = <T extends HTMLElement>(element: T): T => {
    document.body.append(element);
    hostElements.push(element);
    return element;
  };
  afterEach(async () => {
    hostElements.splice(0).forEach((element) => element.remove());
    await setViewport({ width: 1280, height: 800 });
  });

  for (const width of [1280, 390]) {
    describe(`at ${width} px`, () => {
      beforeEach(() => setViewport({ width, height: 800 }));

      it('still shows the absence itself after the advance notice was dismissed', async () => {
        const id = `per-state-${width}`;
        const upcoming = await render(withAbsence(UPCOMING, undefined, id));
        upcoming.shadowRoot!.querySelector<HTMLButtonElement>('[part=dismiss]')!.click();
        await upcoming.updateComplete;
        expect(shadowText(upcoming)).to.equal('');
        expect(shadowText(await render(withAbsence(UPCOMING, undefined, id)))).to.equal('');
        const active = await render(withAbsence(ACTIVE, undefined, id));
        expect(shadowText(active)).to.contain("We're away until");
        active.shadowRoot!.querySelector<HTMLButtonElement>('[part=dismiss]')!.click();
        await active.updateComplete;
        expect(shadowText(await render(withAbsence(ACTIVE, undefined, id)))).to.equal('');
      });

      it('moves focus to what follows the banner once dismissed, not to the page body', async () => {
        const el = await render(withAbsence(UPCOMING, undefined, `focus-${width}`));
        const after = addToPage(document.createElement('a'));
        after.href = '#products';
        after.textContent = 'Products';
        el.shadowRoot!.querySelector<HTMLButtonElement>('[part=dismiss]')!.focus();
        await sendKeys({ press: 'Enter' });
        await el.updateComplete;
        expect(document.activeElement).to.equal(after);
      });

      it('folds a very long message to a few lines, with a "More" button', async () => {
        const long =
          'We are closed for the holidays and will answer every message on our return. '.repeat(65);
        const el = await render(withAbsence(ACTIVE, long, `long-${width}`));
        await el.updateComplete;
        const more = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=more]')!;
        expect(more, 'a "More" button').to.not.equal(null);
        expect(more.getAttribute('aria-expanded')).to.equal('false');
        expect(el.getBoundingClientRect().height).to.be.below(width === 390 ? 320 : 200);
        expect(await axeViolations(el)).to.deep.equal([]);
        more.click();
        await el.updateComplete;
        expect(more.getAttribute('aria-expanded')).to.equal('true');
        expect(more.textContent!.trim()).to.equal('Less');
        expect(el.getBoundingClientRect().height).to.be.above(width === 390 ? 800 : 300);
        // A short message gets no button.
        const short = await render(withAbsence(ACTIVE, 'Gone fishing!', `short-${width}`));
        expect(short.shadowRoot!.querySelector('[part=more]')).to.equal(null);
      });

      it('hides the add-to-cart buttons only while an absence that asks for it is active', async () => {
        const button = addToPage(document.createElement('button'));
        button.className = 'add-to-cart';
        button.textContent = 'Add to cart';
        const cartButtons = { selector: '.add-to-cart', action: 'hide' as const };
        const upcoming = await render(
          withAbsence(UPCOMING, undefined, `hide-${width}`, { cartButtons }),
        );
        expect(getComputedStyle(button).display, 'before the absence').to.not.equal('none');
        upcoming.remove();
        const active = await render(
          withAbsence(ACTIVE, undefined, `hide-${width}`, { cartButtons }),
        );
        await waitUntil(() => getComputedStyle(button).display === 'none', 'never hidden');
        // Dismissing the notice does not reopen ordering.
        active.shadowRoot!.querySelector<HTMLButtonElement>('[part=dismiss]')!.click();
        await active.updateComplete;
        expect(getComputedStyle(button).display).to.equal('none');
        active.config = withAbsence('2026-01-05T09:00:00Z', undefined, `hide-${width}`, {
          cartButtons,
        });
        await waitUntil(
          () => getComputedStyle(button).display !== 'none',
          'hidden after the absence',
        );
        active.remove();
      });

      it('or keeps them with a notice beside them, and their clicks add nothing', async () => {
        const form = addToPage(document.createElement('form'));
        form.innerHTML = '<button type="submit" class="buy">Add to cart</button>';
        let submitted = 0;
        form.addEventListener('submit', (event) => {
          event.preventDefault();
          submitted++;
        });
        const button = form.querySelector('button')!;
        const cartButtons = { selector: '.buy', action: 'notice' as const };
        const el = await render(withAbsence(ACTIVE, undefined, `notice-${width}`, { cartButtons }));
        await waitUntil(() => form.querySelector('[data-comptoir-away-notice]'), 'no notice');
        const notice = form.querySelector('[data-comptoir-away-notice]')!;
        expect(notice.textContent).to.match(/^Orders are paused until Mon 5 Jan/);
        expect(button.getAttribute('aria-describedby')).to.equal(notice.id);
        expect(button.getAttribute('aria-disabled')).to.equal('true');
        button.click();
        expect(submitted).to.equal(0);
        el.config = withAbsence('2026-01-05T09:00:00Z', undefined, `notice-${width}`, {
          cartButtons,
        });
        await waitUntil(() => !form.querySelector('[data-comptoir-away-notice]'), 'notice stayed');
        button.click();
        expect(submitted).to.equal(1);
        el.remove();
      });
    });
  }

  it('warns once and changes nothing for a selector the browser refuses', async () => {
    const warnings = captureWarnings();
    try {
      const cartButtons = { selector: 'div[[bad', action: 'hide' as const };
      const el = await render(withAbsence(ACTIVE, undefined, 'bad-selector', { cartButtons }));
      await waitUntil(() => warnings.calls.length > 0, 'no warning');
      el.requestUpdate();
      await el.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(shadowText(el)).to.contain("We're away until");
      expect(warnings.calls.length).to.equal(1);
      expect(String(warnings.calls[0]![0])).to.contain('bad-cart-buttons');
      el.remove();
    } finally {
      warnings.restore();
    }
  });
});
