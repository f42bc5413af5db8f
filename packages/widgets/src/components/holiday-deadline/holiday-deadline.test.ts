import { expect, fixture, html } from '@open-wc/testing';
import {
  axeViolations,
  captureWarnings,
  makeConfig,
  resetState,
  shadowText,
} from '../../testing/fixtures.js';
import type { ComptoirHolidayDeadline } from './holiday-deadline.js';
import './holiday-deadline.js';

const christmas = (now: string, fallback = true) =>
  makeConfig({
    now,
    holidayEvents: [
      {
        id: 'xmas',
        name: 'Christmas',
        deliverBy: '2025-12-24',
        ...(fallback
          ? {
              fallback: { text: 'Give a gift card instead', url: 'https://shop.example/gift-card' },
            }
          : {}),
      },
    ],
  });

describe('comptoir-holiday-deadline', () => {
  beforeEach(() => resetState());

  const render = (config: ReturnType<typeof makeConfig>, lang = 'en') =>
    fixture<ComptoirHolidayDeadline>(
      html`<comptoir-holiday-deadline lang=${lang} .config=${config}></comptoir-holiday-deadline>`,
    );

  it('shows the slowest method still possible, a euro shop in English with British dates', async () => {
    const el = await render(christmas('2025-12-10T09:00:00Z'));
    expect(await axeViolations(el)).to.deep.equal([]);
    expect(shadowText(el)).to.contain(
      'Order by Fri 19 Dec, 14:00 for delivery before Christmas (Colissimo)',
    );
  });

  it('formats dates as in the US when the page says en-US', async () => {
    const previous = document.documentElement.lang;
    document.documentElement.lang = 'en-US';
    try {
      const el = await render(christmas('2025-12-10T09:00:00Z'));
      expect(shadowText(el)).to.match(/Order by Fri, Dec 19, 0?2:00\sPM for delivery/);
    } finally {
      document.documentElement.lang = previous;
    }
  });

  it('formats dates as in the US for a shop selling in US dollars, as in Britain with en-GB', async () => {
    const usd = { ...christmas('2025-12-10T09:00:00Z'), currency: 'USD' };
    expect(shadowText(await render(usd))).to.match(/Order by Fri, Dec 19, 0?2:00\sPM/);
    expect(shadowText(await render(usd, 'en-GB'))).to.contain('Order by Fri 19 Dec, 14:00');
  });

  it('falls back to the next faster method past the first deadline, in Italian', async () => {
    const el = await render(christmas('2025-12-19T13:30:00Z'), 'it');
    expect(await axeViolations(el)).to.deep.equal([]);
    expect(shadowText(el)).to.contain(
      'Ordina entro mar 23 dic, 14:00 per la consegna prima di Christmas (Express)',
    );
  });

  it('offers the fallback past every deadline, then nothing after the day', async () => {
    const el = await render(christmas('2025-12-23T14:30:00Z'));
    expect(await axeViolations(el)).to.deep.equal([]);
    expect(el.shadowRoot!.querySelector('a')!.getAttribute('href')).to.equal(
      'https://shop.example/gift-card',
    );
    const noFallback = await render(christmas('2025-12-23T14:30:00Z', false), 'nl');
    expect(shadowText(noFallback)).to.contain('komt niet meer vóór Christmas aan');
    expect(shadowText(await render(christmas('2025-12-25T10:00:00Z')))).to.equal('');
  });

  it('shows nothing before the show window (30 days before by default)', async () => {
    expect(shadowText(await render(christmas('2025-11-20T10:00:00Z')))).to.equal('');
  });

  it('renders nothing and warns once for an unknown event id', async () => {
    const warnings = captureWarnings();
    try {
      const el = await fixture(
        html`<comptoir-holiday-deadline
          event="easter"
          .config=${christmas('2025-12-10T09:00:00Z')}
        ></comptoir-holiday-deadline>`,
      );
      expect(shadowText(el)).to.equal('');
      expect(warnings.calls.length).to.equal(1);
    } finally {
      warnings.restore();
    }
  });

  it('names the event and the fallback in the shopper’s language, else in the shop’s default', async () => {
    const config = christmas('2025-12-10T09:00:00Z');
    config.holidayEvents[0]!.name = { en: 'Christmas', fr: 'Noël' };
    const french = shadowText(await render(config, 'fr'));
    expect(french).to.contain('Noël');
    expect(french).not.to.contain('Christmas');
    // No German name written: German shoppers read the English one, not an empty gap.
    expect(shadowText(await render(config, 'de'))).to.contain('Christmas');
    const late = christmas('2025-12-24T09:00:00Z');
    late.holidayEvents[0]!.fallback = {
      text: { en: 'Give a gift card instead', fr: 'Offrez plutôt une carte cadeau' },
    };
    expect(shadowText(await render(late, 'fr'))).to.contain('Offrez plutôt une carte cadeau');
  });
});
