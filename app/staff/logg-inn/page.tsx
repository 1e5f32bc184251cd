import { SignInForm } from './sign-in-form';

export const metadata = { title: 'Logg inn' };
export const dynamic = 'force-dynamic';

export default function SignInPage() {
  return (
    <main id="hovedinnhold" className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-3xl font-bold">Logg inn for ansatte</h1>
      <p className="mt-3 text-muted">Du trenger e-post, passord og koden fra autentiseringsappen din.</p>
      <SignInForm />
    </main>
  );
}
