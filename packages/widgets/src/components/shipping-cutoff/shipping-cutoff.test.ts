import { expect, fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  axeViolations,
  captureWarnings,
  makeConfig,
  resetState,
  shadowText,
} from '../../testing/fixtures.js';
import type { ComptoirShippingCutoff } from './shipping-cutoff.js';
import './shipping-cutoff.js';

describe('comptoir-shipping-cutoff', () => {
  beforeEach(() => resetState());

  const render = (now: string, lang = 'en', method?: string) =>
    fixture<ComptoirShippingCutoff>(
      html`<comptoir-shipping-cutoff
        lang=${lang}
        method=${ifDefined(method)}
        .config=${makeConfig({ now })}
      ></comptoir-shipping-cutoff>`,
    );

  it("counts down to today's cutoff (server clock, not the client's)", async () => {
    const el = await render('2025-12-10T10:46:00Z'); // 11:46 in Paris, cutoff 14:00
    expect(await axeViolations(el)).to.deep.equal([]);
    expect(shadowText(el)).to.match(/Order within 2 h 14 min to ship today/);
  });

  it("writes the time left with each language's units, leaving out a zero part", async () => {
    expect(shadowText(await render('2025-12-10T12:15:00Z'))).to.match(/Order within 45 min to/);
    expect(shadowText(await render('2025-12-10T10:00:00Z'))).to.match(/Order within 3 h to/);
    expect(shadowText(await render('2025-12-10T10:46:00Z', 'de'))).to.contain('2 Std. 14 Min.');
    expect(shadowText(await render('2025-12-10T10:46:00Z', 'nl'))).to.contain('2 uur 14 min');
  });

  it('says when it ships after the cutoff, in French', async () => {
    const el = await render('2025-12-10T14:00:00Z', 'fr'); // 15:00 in Paris
    expect(await axeViolations(el)).to.deep.equal([]);
    expect(shadowText(el)).to.contain('Commandez maintenant : envoi le jeudi 11 décembre');
  });

  it('adds a delivery estimate for a method, in German', async () => {
    const el = await render('2025-12-10T09:00:00Z', 'de', 'colissimo');
    expect(shadowText(el)).to.contain('Voraussichtliche Lieferung mit Colissimo');
    expect(shadowText(el)).to.contain('12. Dez.');
    expect(shadowText(el)).to.contain('15. Dez.');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('works standalone from attributes', async () => {
    const el = await fixture(
      html`<comptoir-shipping-cutoff
        cutoff="23:59"
        time-zone="Pacific/Kiritimati"
        dispatch-days="mon,tue,wed,thu,fri,sat,sun"
      ></comptoir-shipping-cutoff>`,
    );
    expect(shadowText(el)).to.match(/^Order (within|now)/);
  });

  it('renders nothing and warns once for an unknown method or bad attributes', async () => {
    const warnings = captureWarnings();
    try {
      const el = await render('2025-12-10T09:00:00Z', 'en', 'pigeon');
      el.requestUpdate();
      await el.updateComplete;
      expect(shadowText(el)).to.equal('');
      expect(warnings.calls.length).to.equal(1);
      const bad = await fixture(
        html`<comptoir-shipping-cutoff
          cutoff="25:00"
          time-zone="Nowhere/Land"
        ></comptoir-shipping-cutoff>`,
      );
      expect(shadowText(bad)).to.equal('');
      expect(warnings.calls.length).to.equal(2);
    } finally {
      warnings.restore();
    }
  });

  it('runs no timer while the tab is hidden, and ticks on the minute when visible', async () => {
    const originalSetTimeout = window.setTimeout;
    const delays: number[] = [];
    window.setTimeout = ((handler: TimerHandler, delay?: number) => {
      delays.push(delay ?? 0);
      return originalSetTimeout(handler, delay);
    }) as typeof setTimeout;
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    try {
      const el = await render('2025-12-10T10:46:30Z');
      expect(delays).to.deep.equal([]);
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
      document.dispatchEvent(new Event('visibilitychange'));
      expect(delays.length).to.equal(1);
      expect(delays[0]).to.be.within(29_000, 30_100); // aligned to the next minute
      el.remove();
    } finally {
      window.setTimeout = originalSetTimeout;
      delete (document as { hidden?: boolean }).hidden;
    }
  });
});
