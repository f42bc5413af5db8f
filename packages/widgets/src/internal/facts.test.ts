import { expect, fixture, html } from '@open-wc/testing';
import type { PublishedConfig } from '@comptoir/sdk/schemas';
import { makeConfig, resetState, shadowText, withFacts } from '../testing/fixtures.js';
import '../components/absence-banner/absence-banner.js';
import '../components/announcement-bar/announcement-bar.js';
import '../components/holiday-deadline/holiday-deadline.js';
import '../components/shipping-cutoff/shipping-cutoff.js';

// The banner, shipping cutoff, holiday deadline and announcement bar read what the server
// computed (the config's facts) and load the calendar only without them. Their own test files
// render hand-built configs (the calendar path); this one checks the facts path gives the same
// sentences without fetching the calendar (this file's page loads nothing else first).

const scene = (now: string): PublishedConfig =>
  makeConfig({
    now,
    calendar: {
      ...makeConfig().calendar,
      absences: [{ id: 'winter', start: '2025-12-20', end: '2026-01-04', resumeBufferDays: 1 }],
    },
    holidayEvents: [{ id: 'xmas', name: 'Christmas', deliverBy: '2025-12-24' }],
    announcements: {
      messages: [
        {
          id: 'sale',
          text: 'Winter sale',
          start: '2025-12-10T08:00',
          end: '2025-12-11T23:59',
          countdown: true,
        },
      ],
      rotateSeconds: 6,
    },
  });

async function texts(config: PublishedConfig): Promise<string[]> {
  const el = await fixture(
    html`<div lang="en">
      <comptoir-absence-banner .config=${config}></comptoir-absence-banner>
      <comptoir-shipping-cutoff method="colissimo" .config=${config}></comptoir-shipping-cutoff>
      <comptoir-holiday-deadline .config=${config}></comptoir-holiday-deadline>
      <comptoir-announcement-bar .config=${config}></comptoir-announcement-bar>
    </div>`,
  );
  const elements = [...el.children] as (HTMLElement & { updateComplete: Promise<unknown> })[];
  await Promise.all(elements.map((element) => element.updateComplete));
  return elements.map((element) => shadowText(element));
}

const calendarFetched = () =>
  performance
    .getEntriesByType('resource')
    .filter((entry) => /calendar-fallback/.test(entry.name))
    .map((entry) => entry.name);

describe('widgets on the server’s precomputed facts', () => {
  beforeEach(() => resetState());

  const moments = [
    '2025-12-10T09:00:00Z', // Wed 10:00 in Paris: before the cutoff, absence announced
    '2025-12-10T13:30:00Z', // after the cutoff
    '2025-12-19T13:30:00Z', // the last dispatch day before the absence, after its cutoff
    '2025-12-22T09:00:00Z', // during the absence
  ];

  it('say what the calendar says, without loading it', async () => {
    const withFactsTexts: string[][] = [];
    for (const now of moments) withFactsTexts.push(await texts(withFacts(scene(now))));
    expect(calendarFetched()).to.deep.equal([]);
    expect(withFactsTexts[0]![0]).to.contain('orders placed now ship from Wed 10 Dec');
    expect(withFactsTexts[0]![1]).to.match(/Order within 4 h to ship today/);
    expect(withFactsTexts[0]![2]).to.contain('for delivery before Christmas (Colissimo)');
    expect(withFactsTexts[0]![3]).to.contain('Winter sale');
    expect(withFactsTexts[1]![0]).to.contain('ship from Thu 11 Dec');
    // Away 20 Dec – 4 Jan, one day held back after it: Tue 6 Jan.
    expect(withFactsTexts[3]![0]).to.contain('ship from Tue 6 Jan');
    for (const [index, now] of moments.entries())
      expect(await texts(scene(now)), now).to.deep.equal(withFactsTexts[index]);
    // Without facts, the calendar loaded (once per element that needed it).
    expect(calendarFetched().length).to.be.greaterThan(0);
  });

  it('fall back to the calendar past the window the facts cover (a config cached long ago)', async () => {
    const stale = withFacts(scene('2025-12-10T09:00:00Z'));
    const later = { ...stale, now: '2026-03-04T09:00:00Z' };
    const [, cutoff] = await texts(later);
    expect(cutoff).to.match(/Order within 4 h to ship today/);
  });
});
