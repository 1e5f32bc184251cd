import { describe, expect, it } from 'vitest';
import { fold, stem } from '@/lib/search/stem';

/** Each line is one word in its forms; all of them must share one key. */
const FAMILIES = [
  'sykdom sykdommen sykdommer sykdommene sykdommens',
  'barn barna barnet barnas barnets',
  'pårørende pårørendes',
  'rettighet rettigheter rettighetene',
  'skole skolen skoler skolene skolens',
  'lærer læreren lærerne lærere',
  'sykehus sykehuset sykehusene',
  'syk syke',
  'lege legen leger legene legens',
  'mor moren mora',
  'sorg sorgen',
  'arbeidsgiver arbeidsgiveren arbeidsgivere arbeidsgiverne arbeidsgiverens',
  'student studenten studenter studentene',
  'permisjon permisjonen permisjoner',
  'søster søsteren søstre søstrene',
  'forelder foreldre foreldrene',
  'regel regler reglene',
  'eksamen eksamenen eksamener',
  'kurs kurset kursene',
  'hjem hjemme',
  'demens demensen',
  'snakke snakker snakket',
];

describe('stem', () => {
  for (const family of FAMILIES) {
    const [base, ...forms] = family.split(' ') as [string, ...string[]];
    it(`gives ${family.replaceAll(' ', ', ')} one key`, () => {
      for (const form of forms) expect(stem(form), form).toBe(stem(base));
    });
  }

  it.each([
    ['syk', 'sykdom'],
    ['syk', 'sykehus'],
    ['barn', 'barnehage'],
    ['far', 'farlig'],
    ['som', 'sommer'],
    ['man', 'mann'],
    ['mor', 'moro'],
    ['dem', 'demens'],
    ['arbeid', 'arbeidsgiver'],
    ['noe', 'noen'],
    ['kurs', 'kur'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(stem(a)).not.toBe(stem(b));
  });

  it('leaves short words whole', () => {
    for (const word of ['syk', 'mor', 'far', 'rus', 'hus', 'is', 'å']) expect(stem(word)).toBe(word);
  });

  it('ignores case and accents but keeps æ, ø and å', () => {
    expect(stem('SYKDOMMEN')).toBe('sykdom');
    expect(stem('Pårørende')).toBe(stem('pårørende'));
    expect(stem('idé')).toBe(stem('ide'));
    expect(stem('kafé')).toBe(stem('kafe'));
    expect(fold('Ærlig Øye Åpen')).toBe('ærlig øye åpen');
    expect(fold('Malmö Säter')).toBe('malmø sæter');
  });

  it('keeps numbers as they are', () => {
    expect(stem('116')).toBe('116');
    expect(stem('b2')).toBe('b2');
  });
});
