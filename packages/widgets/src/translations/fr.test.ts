import { expect } from '@open-wc/testing';
import fr from './fr.js';

/** Every French sentence with sample values, as the widgets would show them. */
function sentences(): [string, string][] {
  const values = {
    amount: '45,00\u00a0€',
    label: 'Livraison standard offerte',
    date: 'lun. 21 déc.',
    start: '5',
    end: '15 janv.',
    range: 'du 5 au 15 janv.',
    duration: '5\u00a0h 18\u00a0min',
    hours: 5,
    minutes: 18,
    method: 'Colissimo',
    event: 'Noël',
    query: 'livraison',
    count: 3,
  };
  return Object.entries(fr).map(([key, entry]) => [
    key,
    typeof entry === 'function' ? (entry as (v: typeof values) => string)(values) : entry,
  ]);
}

// A plain space before : ; ! ? or inside « » lets the line break there: on a phone the shopper
// read "Vous pouvez toujours commander" with ": les commandes…" starting the next line.
describe('French typography', () => {
  for (const [key, text] of sentences()) {
    it(`${key}: no line break before : ; ! ? or inside « »`, () => {
      expect(text).not.to.match(/ [:;!?»]/);
      expect(text).not.to.match(/« /);
    });
  }

  it('keeps each number of a duration with its unit: "5 h 18 min" never breaks after the 5', () => {
    expect(fr.duration({ hours: 5, minutes: 18 })).to.equal('5\u00a0h 18\u00a0min');
    expect(fr.duration({ hours: 0, minutes: 7 })).to.equal('7\u00a0min');
    expect(fr.duration({ hours: 3, minutes: 0 })).to.equal('3\u00a0h');
  });
});
