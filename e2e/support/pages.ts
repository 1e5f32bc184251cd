/** Every page the site has today, for scans that must cover them all. */
export const publicPages = [
  '/',
  '/i-helsetjenesten',
  '/pa-skolen',
  '/i-arbeidslivet',
  '/for-studenter',
  '/i-helsetjenesten/rett-til-informasjon-som-parorende',
  '/tema/taushetsplikt',
  '/kurs',
  '/kontakt',
  '/unge',
  '/personvern',
  '/personvern/versjoner',
  '/personvern/versjoner/1',
  '/personvern/endringer',
  '/denne-siden-finnes-ikke',
];
