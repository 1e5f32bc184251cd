import { idnr } from '@navikt/fnrvalidator';
import { describe, expect, it } from 'vitest';
import { identifyingDetails } from '@/lib/chat/identifying';

const K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function checkDigit(digits: string, weights: number[]): number {
  const sum = weights.reduce((acc, w, i) => acc + w * Number(digits[i]), 0);
  const digit = 11 - (sum % 11);
  return digit === 11 ? 0 : digit;
}

/**
 * A synthetic number with correct check digits. The birth dates are 29 February 1900 with an
 * individual number below 500, which places the birth in 1900, a year without 29 February: no
 * person can hold these numbers.
 */
function syntheticId(birth: string): string {
  for (let individual = 100; individual < 500; individual++) {
    const nine = `${birth}${individual}`;
    const k1 = checkDigit(nine, K1);
    const k2 = k1 < 10 ? checkDigit(`${nine}${k1}`, K2) : 10;
    if (k2 < 10) return `${nine}${k1}${k2}`;
  }
  throw new Error(`no synthetic number for ${birth}`);
}

const fnr = syntheticId('290200');
const dnr = syntheticId('690200');
const spaced = (id: string, sep: string) => `${id.slice(0, 6)}${sep}${id.slice(6)}`;

describe('national identity numbers', () => {
  it('the synthetic numbers are what the validator accepts', () => {
    expect(idnr(fnr)).toEqual({ status: 'valid', type: 'fnr' });
    expect(idnr(dnr)).toEqual({ status: 'valid', type: 'dnr' });
  });

  it.each([
    ['a fødselsnummer', `Personnummeret mitt er ${fnr}.`],
    ['a d-nummer', `D-nummer: ${dnr}`],
    ['six and five digits with a space', `fnr ${spaced(fnr, ' ')}`],
    ['six and five digits with a dot', spaced(dnr, '.')],
  ])('finds %s', (_, text) => {
    expect(identifyingDetails(text)).toEqual(['fodselsnummer']);
  });

  it('ignores eleven digits that fail the checksum or the date', () => {
    const wrongCheck = `${fnr.slice(0, 10)}${(Number(fnr[10]) + 1) % 10}`;
    expect(identifyingDetails(`Nummer ${wrongCheck}`)).toEqual([]);
    expect(identifyingDetails('Saksnummer 12345678901')).toEqual([]);
  });

  it('ignores a valid number inside a longer run of digits', () => {
    expect(identifyingDetails(`Ordre 9${fnr}9`)).toEqual([]);
  });
});

describe('phone numbers', () => {
  it.each([
    '91234567',
    'Ring meg på 912 34 567 i kveld',
    '91 23 45 67',
    '9123 4567',
    '22.33.44.55',
    '22-33-44-55',
    '+47 912 34 567',
    '+4791234567',
    '0047 91234567',
    'Søsteren min har +46 70 123 45 67',
    '+44 (0)20 7946 0958',
    'nummeret er 41234567.',
  ])('finds %s', (text) => {
    expect(identifyingDetails(text)).toEqual(['telefon']);
  });

  it.each([
    'Vi har åpent 14:00-22:00',
    'Vi har åpent 20.00-22.00',
    'kl. 14.00–22.00',
    'Det skjedde mellom 2026 og 2027',
    'fra 2026 2027',
    'Det kostet 1 500 kr',
    'Huset kostet 45000000 kr',
    'kr 45000000',
    'Lånet er på 2 500 000 kroner',
    'Han døde 24.12.2026',
    'dato 24122026',
    'dato 20261224',
    'Møtet er 2026-12-24',
    'Ring 116 111 eller 113',
    'Postnummer 0150 Oslo',
    'Kontonummer 1234 56 78903',
    '+47 1234 5678',
    '12345678',
  ])('does not mistake %s for a phone number', (text) => {
    expect(identifyingDetails(text)).toEqual([]);
  });
});

describe('e-mail addresses', () => {
  it.each([
    'ola.nordmann@eksempel.no',
    'Skriv til kari+chat@post.eksempel.com.',
    'åse@eksempel.no',
    'ola (at) eksempel.no',
    'ola[at]eksempel.no',
  ])('finds %s', (text) => {
    expect(identifyingDetails(text)).toEqual(['epost']);
  });

  it.each(['@ola', 'ola@', 'hei @ alle sammen', 'Send en e-post', 'ola@localhost', 'Følg @ola.nordmann'])(
    'does not mistake %s for an address',
    (text) => {
      expect(identifyingDetails(text)).toEqual([]);
    },
  );
});

describe('identifyingDetails', () => {
  it('reports each kind once, in a fixed order, and never the values', () => {
    const text = `kari@eksempel.no, 912 34 567, ${fnr} og ${dnr}, eller 22 33 44 55`;
    expect(identifyingDetails(text)).toEqual(['fodselsnummer', 'telefon', 'epost']);
  });

  it('reads no-break spaces as spaces', () => {
    expect(identifyingDetails('912\u00A034\u00A0567')).toEqual(['telefon']);
  });

  it('sees through invisible characters inside a number or an address', () => {
    // A soft hyphen is allowed in what visitors send; joiners are allowed beside emoji. Neither
    // may hide a number: 🙂 and a joiner before the digits, a soft hyphen inside them.
    expect(identifyingDetails('ring 912\u00AD34\u00AD567')).toEqual(['telefon']);
    expect(identifyingDetails('🙂\u200D91234567')).toEqual(['telefon']);
    expect(identifyingDetails(`${fnr.slice(0, 6)}\u00AD${fnr.slice(6)}`)).toEqual(['fodselsnummer']);
    expect(identifyingDetails('kari\u00AD@eksempel.no')).toEqual(['epost']);
  });

  it('finds nothing in an ordinary message', () => {
    expect(identifyingDetails('Hei, jeg er 15 år og bekymret for mamma. Kan jeg prate litt?')).toEqual([]);
  });
});
