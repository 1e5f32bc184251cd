import Link from 'next/link';

export const metadata = { title: 'Kurs' };

export default function CoursesPage() {
  return (
    <article className="max-w-3xl">
      <h1 className="text-3xl font-bold">Kurs for pårørende</h1>
      <p className="mt-4 text-lg">
        Vi holder kurs for pårørende om å stå i en krevende hverdag, om å snakke med barn om sykdom og om egne rettigheter.
      </p>
      <p className="mt-4">
        Påmelding på nett åpner snart. Vil du vite når neste kurs starter, kan du{' '}
        <Link href="/kontakt" className="text-brand-dark underline">ta kontakt med oss</Link>.
      </p>
    </article>
  );
}
