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
