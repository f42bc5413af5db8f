import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import type { Announcement, PublishedConfig } from '@comptoir/sdk/schemas';
import {
  axeViolations,
  captureWarnings,
  makeConfig,
  resetState,
  shadowText,
} from '../../testing/fixtures.js';
import type { ComptoirAnnouncementBar } from './announcement-bar.js';
import './announcement-bar.js';

const sale = (width: number): Announcement => ({
  id: `sale-${width}`,
  text: 'Winter sale: 20 % off candles',
  link: { url: 'https://shop.example/candles', label: 'Shop candles' },
  start: '2025-12-10T08:00',
  end: '2025-12-14T23:59',
});
// Ids per width: a dismissal is remembered in memory for the page's life.
const shipping = (width: number): Announcement => ({
  id: `ship-${width}`,
  text: 'Free shipping from €45',
});

const withMessages = (now: string, messages: Announcement[], rotateSeconds = 6) =>
  makeConfig({ now, announcements: { messages, rotateSeconds } });

const messageText = (el: Element) =>
  (el.shadowRoot?.querySelector('[part="message"]')?.textContent ?? '').replace(/\s+/g, ' ').trim();

for (const width of [1280, 390]) {
  describe(`comptoir-announcement-bar at ${width} px`, () => {
    const SALE = sale(width);
    const SHIPPING = shipping(width);
    before(() => setViewport({ width, height: 800 }));
    beforeEach(() => resetState());
    afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

    const render = (config: PublishedConfig, lang = 'en') =>
      fixture<ComptoirAnnouncementBar>(
        html`<comptoir-announcement-bar
          lang=${lang}
          .config=${config}
        ></comptoir-announcement-bar>`,
      );

    it('shows a message with its link only between its start and end (shop time)', async () => {
      // 07:30 UTC is 08:30 in Paris, after the 08:00 start.
      const el = await render(withMessages('2025-12-10T07:30:00Z', [SALE]));
      expect(await axeViolations(el)).to.deep.equal([]);
      expect(messageText(el)).to.equal('Winter sale: 20 % off candles Shop candles');
      const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('[part="link"]')!;
      expect(link.href).to.equal('https://shop.example/candles');
      // The preview at another moment: 06:30 UTC is 07:30 in Paris, before the start.
      expect(shadowText(await render(withMessages('2025-12-10T06:30:00Z', [SALE])))).to.equal('');
      // 23:30 UTC on the 14th is 00:30 on the 15th in Paris, after the end.
      expect(shadowText(await render(withMessages('2025-12-14T23:30:00Z', [SALE])))).to.equal('');
    });

    it('shows a message only on its weekdays, pages and device', async () => {
      const weekend = { ...SHIPPING, weekdays: ['sat', 'sun'] as Announcement['weekdays'] };
      // Saturday 13 Dec 2025 at 00:30 in Paris is still Friday in UTC.
      expect(messageText(await render(withMessages('2025-12-12T23:30:00Z', [weekend])))).to.equal(
        'Free shipping from €45',
      );
      expect(shadowText(await render(withMessages('2025-12-12T22:30:00Z', [weekend])))).to.equal(
        '',
      );
      const elsewhere = { ...SHIPPING, paths: ['/cart', '/checkout/*'] };
      expect(shadowText(await render(withMessages('2025-12-12T10:00:00Z', [elsewhere])))).to.equal(
        '',
      );
      const here = {
        ...SHIPPING,
        paths: [
          `${location.pathname.split('/')[1] ? '/' + location.pathname.split('/')[1] : ''}/*`,
        ],
      };
      expect(messageText(await render(withMessages('2025-12-12T10:00:00Z', [here])))).to.equal(
        'Free shipping from €45',
      );
      const phones = { ...SHIPPING, devices: ['mobile'] as Announcement['devices'] };
      const onPhone = messageText(await render(withMessages('2025-12-12T10:00:00Z', [phones])));
      expect(onPhone).to.equal(width <= 640 ? 'Free shipping from €45' : '');
    });

    it('counts down to the end across the change to winter time, in English and French', async () => {
      // Saturday 24 Oct 2026, 14:00 in Paris (UTC+2); the end is Sunday 12:00 (UTC+1): 23 h, not 22.
      const ending = { ...SHIPPING, countdown: true, end: '2026-10-25T12:00' };
      const config = withMessages('2026-10-24T12:00:00Z', [ending]);
      const en = await render(config);
      expect(await axeViolations(en)).to.deep.equal([]);
      expect(shadowText(en)).to.contain('Ends in 23 h');
      expect(shadowText(await render(config, 'fr'))).to.contain('Se termine dans 23 h');
      const far = withMessages('2026-10-20T12:00:00Z', [ending]);
      expect(shadowText(await render(far))).to.contain('Ends Sun 25 Oct, 12:00');
    });

    it('shows the message and link text in the page’s language, else the shop’s default', async () => {
      const translated: Announcement = {
        ...SALE,
        text: { en: 'Winter sale on candles', fr: 'Soldes d’hiver sur les bougies' },
        link: { url: SALE.link!.url, label: { en: 'Shop candles', fr: 'Voir les bougies' } },
      };
      const config = withMessages('2025-12-11T10:00:00Z', [translated]);
      const fr = await render(config, 'fr');
      expect(messageText(fr)).to.equal('Soldes d’hiver sur les bougies Voir les bougies');
      expect(await axeViolations(fr)).to.deep.equal([]);
      expect(messageText(await render(config))).to.equal('Winter sale on candles Shop candles');
      // French missing from the link (and the whole text in German): the default language shows.
      const partly = withMessages('2025-12-11T10:00:00Z', [
        { ...translated, link: { url: SALE.link!.url, label: { en: 'Shop candles' } } },
      ]);
      const partlyFr = await render(partly, 'fr');
      expect(messageText(partlyFr)).to.equal('Soldes d’hiver sur les bougies Shop candles');
      // The English link text is marked as English for screen readers; the French text is not marked.
      const part = partlyFr.shadowRoot!.querySelector('[part="message"]')!;
      expect(part.querySelector('span')!.getAttribute('lang')).to.equal(null);
      expect(part.querySelector('a')!.getAttribute('lang')).to.equal('en');
      expect(await axeViolations(partlyFr)).to.deep.equal([]);
      expect(messageText(await render(partly, 'de'))).to.equal(
        'Winter sale on candles Shop candles',
      );
    });

    it('writes the merchant’s French message with French spacing, the English one as written', async () => {
      const translated: Announcement = {
        ...SALE,
        text: { en: 'Winter sale : candles !', fr: 'Soldes d’hiver : « bougies » à -20 % !' },
        link: { url: SALE.link!.url, label: { en: 'See them ?', fr: 'Les voir ?' } },
      };
      const config = withMessages('2025-12-11T10:00:00Z', [translated]);
      const raw = (el: Element) =>
        (el.shadowRoot?.querySelector('[part="message"]')?.textContent ?? '')
          .replace(/[ \n]+/g, ' ')
          .trim();
      // Before: plain spaces, so at 390 px "!" or "?" could start a line of its own.
      expect(raw(await render(config, 'fr'))).to.equal(
        'Soldes d’hiver\u00a0: «\u00a0bougies\u00a0» à -20 %\u00a0! Les voir\u00a0?',
      );
      expect(raw(await render(config))).to.equal('Winter sale : candles ! See them ?');
    });

    it('takes turns with previous, next and pause buttons', async function () {
      this.timeout(15_000);
      const el = await render(withMessages('2025-12-11T10:00:00Z', [SALE, SHIPPING], 3));
      expect(await axeViolations(el)).to.deep.equal([]);
      expect(messageText(el)).to.contain('Winter sale');
      const height = el.getBoundingClientRect().height;
      // It turns by itself after rotateSeconds, and the page below does not move.
      await new Promise((resolve) => setTimeout(resolve, 3400));
      await el.updateComplete;
      expect(messageText(el)).to.equal('Free shipping from €45');
      expect(el.getBoundingClientRect().height).to.equal(height);
      const buttons = () => [
        ...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="controls"] button'),
      ];
      expect(buttons().map((button) => button.getAttribute('aria-label'))).to.deep.equal([
        'Previous message',
        'Next message',
        'Pause the messages',
      ]);
      buttons()[2]!.click();
      await el.updateComplete;
      expect(buttons()[2]!.getAttribute('aria-pressed')).to.equal('true');
      buttons()[0]!.click();
      await el.updateComplete;
      expect(messageText(el)).to.contain('Winter sale');
      // Paused: it stays.
      await new Promise((resolve) => setTimeout(resolve, 3400));
      expect(messageText(el)).to.contain('Winter sale');
      expect(await axeViolations(el)).to.deep.equal([]);
    });

    it('never turns by itself under reduced motion', async function () {
      this.timeout(15_000);
      await emulateMedia({ reducedMotion: 'reduce' });
      const el = await render(withMessages('2025-12-11T10:00:00Z', [SALE, SHIPPING], 3));
      await new Promise((resolve) => setTimeout(resolve, 3400));
      await el.updateComplete;
      expect(messageText(el)).to.contain('Winter sale');
      const labels = [...el.shadowRoot!.querySelectorAll('[part="controls"] button')].map((b) =>
        b.getAttribute('aria-label'),
      );
      expect(labels).to.deep.equal(['Previous message', 'Next message']);
      expect(await axeViolations(el)).to.deep.equal([]);
    });

    it('is dismissed per message from the keyboard, and stays dismissed', async () => {
      const config = withMessages('2025-12-11T10:00:00Z', [SALE, SHIPPING]);
      const el = await render(config);
      const dismissed: string[] = [];
      el.addEventListener('comptoir-announcement-dismissed', (event) =>
        dismissed.push(event.detail.announcementId),
      );
      const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="dismiss"]')!;
      // Not the banner's "Dismiss", often right beside it in the tab order.
      expect(button.getAttribute('aria-label')).to.equal('Dismiss this announcement');
      button.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await el.updateComplete;
      expect(dismissed).to.deep.equal([SALE.id]);
      expect(messageText(el)).to.equal('Free shipping from €45');
      expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('dismiss');
      expect(el.shadowRoot!.querySelector('[part="controls"]')).to.equal(null);
      const again = await render(config);
      expect(messageText(again)).to.equal('Free shipping from €45');
      expect(await axeViolations(again)).to.deep.equal([]);
    });

    it('keeps the dismiss button on the message’s line with two messages, in English and French', async () => {
      // Ids of their own: the previous test dismissed SALE.
      const config = withMessages('2025-12-11T10:00:00Z', [
        { ...SALE, id: `${SALE.id}-line` },
        { ...SHIPPING, id: `${SHIPPING.id}-line` },
      ]);
      for (const lang of ['en', 'fr']) {
        const el = await render(config, lang);
        const box = (selector: string) =>
          el.shadowRoot!.querySelector(selector)!.getBoundingClientRect();
        const message = box('.stack');
        const dismiss = box('[part="dismiss"]');
        const controls = box('[part="controls"]');
        // Before: at 390 px the × wrapped onto a line of its own, under the message.
        expect(dismiss.top, `${lang}: × below the message`).to.be.lessThan(message.bottom);
        expect(dismiss.bottom, `${lang}: × above the message`).to.be.greaterThan(message.top);
        expect(controls.top, `${lang}: arrows below the message`).to.be.lessThan(message.bottom);
        expect(dismiss.right, lang).to.be.at.most(box('.base').right);
        expect(await axeViolations(el)).to.deep.equal([]);
      }
    });

    it('renders nothing and warns once for a broken config', async () => {
      const warnings = captureWarnings();
      try {
        const el = await render(makeConfig({ announcements: { messages: 'nope' } as never }));
        await el.updateComplete;
        expect(shadowText(el)).to.equal('');
        expect(warnings.calls.length).to.equal(1);
      } finally {
        warnings.restore();
      }
    });
  });
}
