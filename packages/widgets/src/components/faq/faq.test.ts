import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  axeViolations,
  captureWarnings,
  makeConfig,
  resetState,
  shadowText,
} from '../../testing/fixtures.js';
import { faqJsonLd, type ComptoirFaq } from './faq.js';
import './faq.js';

const config = () =>
  makeConfig({
    faq: [
      {
        id: 'delivery',
        category: 'Shipping',
        question: 'How long is delivery?',
        answer: 'Two to three days.\n\nExpress: one day.',
      },
      {
        id: 'returns',
        category: 'Returns',
        question: 'Can I return a café mug?',
        answer: 'Yes, within 30 days. </script>',
      },
    ],
  });

describe('comptoir-faq', () => {
  beforeEach(() => {
    resetState();
    history.replaceState(null, '', location.pathname + location.search);
  });

  const render = (lang = 'en') =>
    fixture<ComptoirFaq>(html`<comptoir-faq lang=${lang} .config=${config()}></comptoir-faq>`);
  const buttons = (el: ComptoirFaq) => [
    ...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[aria-controls]'),
  ];

  it('shows each question and answer in the shopper’s language, with JSON-LD to match', async () => {
    const translated = config();
    translated.faq[0] = {
      ...translated.faq[0]!,
      category: { en: 'Shipping', fr: 'Livraison' },
      question: { en: 'How long is delivery?', fr: 'Combien de temps dure la livraison ?' },
      answer: { en: 'Two to three days.', fr: 'Deux à trois jours.' },
    };
    const el = await fixture<ComptoirFaq>(
      html`<comptoir-faq lang="fr" .config=${translated}></comptoir-faq>`,
    );
    expect(await axeViolations(el)).to.deep.equal([]);
    const text = shadowText(el);
    expect(text).to.contain('Combien de temps dure la livraison ?');
    expect(text).not.to.contain('How long is delivery?');
    // The second question has no French: it shows in the shop's default language, marked as
    // English so a screen reader does not read it with French sounds.
    expect(text).to.contain('Can I return a café mug?');
    const [translatedQuestion, fallbackQuestion] = buttons(el);
    expect(translatedQuestion!.getAttribute('lang')).to.equal(null);
    expect(fallbackQuestion!.getAttribute('lang')).to.equal('en');
    const answerOf = (button: HTMLButtonElement) =>
      el.shadowRoot!.getElementById(button.getAttribute('aria-controls')!)!;
    expect(answerOf(translatedQuestion!).getAttribute('lang')).to.equal(null);
    expect(answerOf(fallbackQuestion!).getAttribute('lang')).to.equal('en');
    const jsonLd = document.head.querySelector('script[data-comptoir-faq]')?.textContent ?? '';
    expect(jsonLd).to.contain('Deux à trois jours.');
  });

  it('shows the merchant’s French question and answer with French spacing, English as written', async () => {
    const translated = config();
    translated.faq[0] = {
      ...translated.faq[0]!,
      question: { en: 'Delivery : how long ?', fr: 'Livraison : combien de temps ?' },
      answer: { en: 'Two days !', fr: 'Deux jours, en « Colissimo » !' },
    };
    const shown = async (lang: string) => {
      const el = await fixture<ComptoirFaq>(
        html`<comptoir-faq lang=${lang} .config=${translated}></comptoir-faq>`,
      );
      return el.shadowRoot!.textContent!.replace(/[ \n]+/g, ' ');
    };
    // Before: plain spaces, so on a phone "?" or "»" could start a line of its own.
    const fr = await shown('fr');
    expect(fr).to.contain('Livraison\u00a0: combien de temps\u00a0?');
    expect(fr).to.contain('Deux jours, en «\u00a0Colissimo\u00a0»\u00a0!');
    const en = await shown('en');
    expect(en).to.contain('Delivery : how long ?');
    expect(en).to.contain('Two days !');
  });

  it('renders disclosure buttons, closed, accessibly', async () => {
    const el = await render();
    expect(await axeViolations(el)).to.deep.equal([]);
    const [first] = buttons(el);
    expect(first!.getAttribute('aria-expanded')).to.equal('false');
    const answer = el.shadowRoot!.getElementById(first!.getAttribute('aria-controls')!)!;
    expect(answer.hidden).to.equal(true);
  });

  it('opens a question from the keyboard and reports it', async () => {
    const el = await render();
    const opened: string[] = [];
    el.addEventListener('comptoir-faq-opened', (event) => opened.push(event.detail.questionId));
    buttons(el)[0]!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(buttons(el)[0]!.getAttribute('aria-expanded')).to.equal('true');
    expect(opened).to.deep.equal(['delivery']);
    expect(shadowText(el)).to.contain('Express: one day.');
    expect(await axeViolations(el)).to.deep.equal([]);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(buttons(el)[0]!.getAttribute('aria-expanded')).to.equal('false');
  });

  it('searches ignoring case and accents, in French', async () => {
    const el = await render('fr');
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=search]')!;
    input.value = 'CAFE';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(buttons(el).map((button) => button.textContent!.trim())).to.deep.equal([
      'Can I return a café mug?',
    ]);
    expect(shadowText(el)).to.contain('Rechercher une question');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('finds what a shopper means: plurals, an answer that says it, one typo', async () => {
    const el = await fixture<ComptoirFaq>(
      html`<comptoir-faq
        lang="en"
        .config=${makeConfig({
          faq: [
            {
              id: 'returns',
              category: 'Orders',
              question: 'How do I return an item?',
              answer: 'Send it back within 30 days.',
            },
            {
              id: 'money-back',
              category: 'Orders',
              question: 'Can I get my money back?',
              answer: 'Yes: we refund you within 14 days of receiving the parcel.',
            },
            {
              id: 'care',
              category: 'Products',
              question: 'Are the mugs dishwasher-safe?',
              answer: 'Yes, all of them.',
            },
          ],
        })}
      ></comptoir-faq>`,
    );
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=search]')!;
    const search = async (value: string) => {
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      return buttons(el).map((button) => button.id);
    };
    expect(await search('returns')).to.deep.equal(['faq-q-returns']);
    expect(await search('refunds')).to.deep.equal(['faq-q-money-back']);
    expect(await search('dishwaser')).to.deep.equal(['faq-q-care']);
    expect(await search('Dishwasher mug')).to.deep.equal(['faq-q-care']);
    expect(await search('ret')).to.deep.equal(['faq-q-returns']);
    expect(await search('parcels refund')).to.deep.equal(['faq-q-money-back']);
    expect(await search('umbrella')).to.deep.equal([]);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('reports a search that found nothing, once, debounced', async function () {
    this.timeout(4000);
    const el = await render();
    const empty: string[] = [];
    el.addEventListener('comptoir-faq-search-empty', (event) => empty.push(event.detail.query));
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=search]')!;
    for (const value of ['z', 'zz', 'zzz']) {
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    await el.updateComplete;
    expect(shadowText(el)).to.contain('No question matches “zzz”.');
    // Announced, as a search that finds questions is ("1 question").
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent!.trim()).to.equal(
      'No question matches “zzz”.',
    );
    expect(await axeViolations(el)).to.deep.equal([]);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(empty).to.deep.equal(['zzz']);
  });

  it('opens the question of a #faq-<id> deep link', async () => {
    history.replaceState(null, '', '#faq-returns');
    const el = await render();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await el.updateComplete;
    const returns = buttons(el).find((button) => button.id === 'faq-q-returns')!;
    expect(returns.getAttribute('aria-expanded')).to.equal('true');
  });

  it('adds FAQPage JSON-LD to the head once, with < escaped', async () => {
    await render();
    await render();
    const scripts = document.head.querySelectorAll(
      'script[type="application/ld+json"][data-comptoir-faq]',
    );
    expect(scripts.length).to.equal(1);
    expect(scripts[0]!.textContent).to.not.contain('</script>');
    expect(JSON.parse(scripts[0]!.textContent!)['@type']).to.equal('FAQPage');
    expect(faqJsonLd(config().faq)).to.contain('\\u003c/script>');
  });

  it('renders nothing and warns once for a broken FAQ', async () => {
    const warnings = captureWarnings();
    try {
      const el = await fixture(
        html`<comptoir-faq .config=${makeConfig({ faq: [{ nope: 1 }] as never })}></comptoir-faq>`,
      );
      expect(shadowText(el)).to.equal('');
      expect(warnings.calls.length).to.equal(1);
    } finally {
      warnings.restore();
    }
  });
});
