import Link from 'next/link';

/** The way back to the list a staff page was opened from, above its heading. */
export function BackLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <p>
      <Link href={href} className="text-brand-dark underline">
        {children}
      </Link>
    </p>
  );
}
