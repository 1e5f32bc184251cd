'use client';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold">Noe gikk galt hos oss</h1>
      <p className="mt-4 text-lg">Siden kunne ikke vises akkurat nå. Det er ikke din feil. Prøv igjen om litt.</p>
      <p className="mt-4">Ved fare for liv og helse: ring 113.</p>
      <button type="button" onClick={reset} className="mt-6 rounded-lg bg-brand px-5 py-3 font-semibold text-white">
        Prøv igjen
      </button>
    </div>
  );
}
