/** The longest name a category may have (the database refuses longer). */
export const LABEL_MAX = 60;

export const kindLabels = { reason: 'Tema', outcome: 'Utfall' } as const;
