import { expect } from '@open-wc/testing';
import { matchesQuery, searchWords, stem, withinOneEdit } from './faq-search.js';

describe('faq search', () => {
  it('strips plural endings per language, keeping three letters', () => {
    expect(stem('returns', 'en')).to.equal('return');
    expect(stem('refunded', 'en')).to.equal('refund');
    expect(stem('bus', 'en')).to.equal('bus');
    expect(stem('colis', 'fr')).to.equal('coli');
    expect(stem('retours', 'fr')).to.equal('retour');
    expect(stem('pakketten', 'nl')).to.equal('pakkett');
    expect(stem('spedizioni', 'it')).to.equal('spedizion');
    expect(stem('spedizione', 'it')).to.equal('spedizion');
  });

  it('counts one insertion, deletion, substitution or swap of neighbours, never two', () => {
    expect(withinOneEdit('dishwaser', 'dishwasher')).to.equal(true);
    expect(withinOneEdit('dishwasher', 'dishwaser')).to.equal(true);
    expect(withinOneEdit('livraisin', 'livraison')).to.equal(true);
    expect(withinOneEdit('retrun', 'return')).to.equal(true);
    expect(withinOneEdit('livarison', 'livraison')).to.equal(true);
    expect(withinOneEdit('rteurn', 'return')).to.equal(true);
    expect(withinOneEdit('rteunr', 'return')).to.equal(false);
    expect(withinOneEdit('nrtuer', 'return')).to.equal(false);
    expect(withinOneEdit('retu', 'return')).to.equal(false);
    expect(withinOneEdit('returnss', 'return')).to.equal(false);
    expect(withinOneEdit('return', 'return')).to.equal(true);
    expect(withinOneEdit('dshwaser', 'dishwasher')).to.equal(false);
  });

  it('matches folded words in French: accents, plurals, typing in progress', () => {
    const text = searchWords('Quels sont les délais de livraison des colis ?', 'fr');
    expect(matchesQuery(searchWords('DELAI', 'fr'), text)).to.equal(true);
    expect(matchesQuery(searchWords('livraisons colis', 'fr'), text)).to.equal(true);
    expect(matchesQuery(searchWords('livr', 'fr'), text)).to.equal(true);
    expect(matchesQuery(searchWords('livraisin', 'fr'), text)).to.equal(true);
    expect(matchesQuery(searchWords('livarison', 'fr'), text)).to.equal(true);
    expect(matchesQuery(searchWords('remboursement', 'fr'), text)).to.equal(false);
  });
});
