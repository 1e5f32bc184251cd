/**
 * Why an action or a handler said no, as a typed code and one Norwegian sentence. The code
 * decides the HTTP status of a handler's answer; the sentence is what the person reads. Work
 * inside a wrapper refuses by throwing `refuse(...)`, so the transaction around it is rolled back.
 */
export type ErrorCode = 'forbidden' | 'invalid' | 'not_found' | 'conflict' | 'too_many' | 'unavailable';

export const httpStatus: Record<ErrorCode, number> = {
  forbidden: 403,
  invalid: 400,
  not_found: 404,
  conflict: 409,
  too_many: 429,
  unavailable: 503,
};

/** The sentence each code gets when the caller names none. */
export const defaultSentence: Record<ErrorCode, string> = {
  forbidden: 'Du har ikke tilgang til dette.',
  invalid: 'Noe må rettes før vi kan lagre.',
  not_found: 'Vi finner det ikke lenger. Last siden på nytt.',
  conflict: 'Noen har endret dette i mellomtiden. Last siden på nytt.',
  too_many: 'Det har kommet mange forsøk på kort tid. Vent litt og prøv igjen.',
  unavailable: 'Endringen ble ikke lagret. Prøv igjen om litt.',
};

export class Refusal<Field extends string = string> extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors: Partial<Record<Field, string>>;

  constructor(code: ErrorCode, message: string, fieldErrors: Partial<Record<Field, string>> = {}) {
    super(message);
    this.name = 'Refusal';
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

/** Builds the refusal to throw: `throw refuse('not_found', 'Vi finner ikke henvendelsen.')`. */
export function refuse<Field extends string = string>(code: ErrorCode, message = defaultSentence[code], fieldErrors: Partial<Record<Field, string>> = {}): Refusal<Field> {
  return new Refusal(code, message, fieldErrors);
}
