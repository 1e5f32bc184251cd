/** Navigation and names used across the site shell. */
export const siteName = 'Hjelpelinje';

export const audienceSections = [
  { href: '/i-helsetjenesten', label: 'I helsetjenesten' },
  { href: '/pa-skolen', label: 'På skolen' },
  { href: '/i-arbeidslivet', label: 'I arbeidslivet' },
  { href: '/for-studenter', label: 'For studenter' },
] as const;

export const mainNavigation = [
  ...audienceSections,
  { href: '/kurs', label: 'Kurs' },
  { href: '/kontakt', label: 'Kontakt' },
  { href: '/unge', label: 'For barn og unge' },
] as const;

/** The element the HTTP server fills with the notice about a coming privacy statement. */
export const PRIVACY_NOTICE_SLOT_ID = 'personvern-varsel';
