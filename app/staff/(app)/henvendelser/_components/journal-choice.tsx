/**
 * The relative's choice about a journal, where no one can miss it. The words carry the
 * meaning; the colour and border only repeat it.
 */
export function JournalChoice({ declined }: { declined: boolean }) {
  return declined ? (
    <section aria-labelledby="journalvalg" className="rounded-2xl border-4 border-notice-border bg-notice p-5">
      <h2 id="journalvalg" className="text-xl font-bold">
        Har reservert seg mot journal
      </h2>
      <p className="mt-1">Det skal ikke opprettes journal om denne personen. Personen skal få veiledning likevel.</p>
    </section>
  ) : (
    <section aria-labelledby="journalvalg" className="rounded-2xl border-2 border-brand bg-brand-light p-5">
      <h2 id="journalvalg" className="text-xl font-bold">
        Har ikke reservert seg mot journal
      </h2>
      <p className="mt-1">Journal kan opprettes når det er nødvendig, for eksempel ved fare for liv eller helse.</p>
    </section>
  );
}
