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
    expect(shadowText(fr)).to.contain('Nous sommes absents jusqu’au dim. 4 janv.');
    expect(shadowText(fr)).to.contain('lun. 5 janv.');
    const es = await render(withAbsence('2025-12-22T09:00:00Z'), 'es');
    expect(shadowText(es)).to.contain('Estamos fuera hasta el');
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
