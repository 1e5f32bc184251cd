'use client';

import './globals.css';
import { EMERGENCY_SENTENCE } from '@/lib/help-numbers';

export default function GlobalError() {
  return (
    <html lang="nb">
      <body className="bg-paper">
        <main className="mx-auto max-w-3xl px-4 py-12">
          <h1 className="text-3xl font-bold">Noe gikk galt hos oss</h1>
          <p className="mt-4 text-lg">Siden kunne ikke vises akkurat nå. Prøv igjen om litt.</p>
          <p className="mt-4">{EMERGENCY_SENTENCE}</p>
        </main>
      </body>
    </html>
  );
}
