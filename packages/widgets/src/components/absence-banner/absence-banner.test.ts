import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  axeViolations,
  captureWarnings,
  makeConfig,
  resetState,
  shadowText,
} from '../../testing/fixtures.js';
import type { ComptoirAbsenceBanner } from './absence-banner.js';
import './absence-banner.js';

const withAbsence = (now: string, message?: string, id = 'winter') => {
  const config = makeConfig({ now });
  config.calendar.absences = [
    { id, start: '2025-12-20', end: '2026-01-04', ...(message ? { message } : {}) },
  ];
  return config;
};

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
    expect(shadowText(fr)).to.contain('à partir du lun. 5 janv.');
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
    expect(texts.fr).to.contain('expédiées à partir du lun. 1 déc.');
    expect(texts.de).to.contain('Wir sind vom 7. bis 11. Dez. nicht da.');
    expect(texts.es).to.contain('Estaremos fuera del 7 al 11 dic.');
    expect(texts.it).to.contain('Saremo assenti dal 7 all’11 dic.');
    expect(texts.nl).to.contain('We zijn van 7 tot en met 11 dec afwezig.');
    for (const text of Object.values(texts)) expect(text).not.to.match(/[^.]\.\.(?!\.)/);
  });

  it("uses the merchant's message", async () => {
    const el = await render(withAbsence('2025-12-22T09:00:00Z', 'Gone fishing!'));
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
});
