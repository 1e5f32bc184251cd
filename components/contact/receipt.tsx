/** Shown once an inquiry is stored: the reference, what happens next, when it is deleted. */
export function Receipt({ reference }: { reference: string }) {
  return (
    <section aria-labelledby="kvittering" className="max-w-3xl">
      <h1 id="kvittering" className="text-3xl font-bold">
        Takk, vi har fått henvendelsen din
      </h1>
      <p className="mt-4 text-lg">
        Referansen din er <strong className="font-mono text-xl tracking-wider">{reference}</strong>. Oppgi den hvis du kontakter oss om
        den samme saken.
      </p>
      <h2 className="mt-8 text-xl font-semibold">Hva skjer nå?</h2>
      <ul className="mt-2 list-disc space-y-2 pl-6">
        <li>En fagkonsulent leser henvendelsen og tar kontakt med deg slik du ønsket.</li>
        <li>Alle som leser den, har taushetsplikt.</li>
        <li>Vi sletter henvendelsen og notatene om den tre måneder etter at kontakten med deg er avsluttet.</li>
      </ul>
      <p className="mt-6 rounded-lg bg-sand p-4">Haster det? Ved fare for liv og helse: ring 113.</p>
    </section>
  );
}
