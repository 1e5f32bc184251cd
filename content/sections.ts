/** The four audience sections: where a relative's worry shows up in daily life. */
export type Section = { slug: string; title: string; lead: string; points: string[] };

export const sections: Section[] = [
  {
    slug: 'i-helsetjenesten',
    title: 'I helsetjenesten',
    lead: 'Når en du er glad i, er syk eller skadet, møter du sykehus, fastlege og kommunen. Her finner du hva du har rett til som pårørende, og hvordan du kan snakke med dem som behandler.',
    points: [
      'Hva helsepersonell kan fortelle deg, og hva de må spørre pasienten om først.',
      'Hvordan du kan forberede deg til en samtale med lege eller sykepleier.',
      'Hvem i kommunen du kan spørre om avlastning og støtte.',
    ],
  },
  {
    slug: 'pa-skolen',
    title: 'På skolen',
    lead: 'Barn og unge som har en syk forelder eller et sykt søsken, bærer ofte mye alene. Skolen kan gjøre hverdagen lettere når den vet hva som skjer.',
    points: [
      'Hvordan du kan fortelle skolen eller barnehagen om situasjonen hjemme.',
      'Hva lærere og helsesykepleier kan bidra med.',
      'Tegn på at et barn trenger mer støtte.',
    ],
  },
  {
    slug: 'i-arbeidslivet',
    title: 'I arbeidslivet',
    lead: 'Mange pårørende står i full jobb samtidig som de følger opp en de er glad i. Det finnes ordninger som kan gi deg pusterom.',
    points: [
      'Hvordan du kan snakke med lederen din om situasjonen.',
      'Permisjoner og omsorgsdager, og hvor du finner reglene.',
      'Hvordan du kan ta vare på din egen helse når belastningen blir stor.',
    ],
  },
  {
    slug: 'for-studenter',
    title: 'For studenter',
    lead: 'Det er krevende å studere når noen hjemme er syke. Du har krav på å bli tatt på alvor, og studiestedet kan legge til rette.',
    points: [
      'Hvem på studiestedet du kan snakke med.',
      'Tilrettelegging ved eksamen og forsinket progresjon.',
      'Hvor du kan få samtaler og støtte for din egen del.',
    ],
  },
];

export function findSection(slug: string): Section | undefined {
  return sections.find((s) => s.slug === slug);
}
