import { Link } from '@/components/site-link';
import type { ReactNode } from 'react';

export type LinkItem = { href: string; label: string };

/** Links as a list, one item each, so a screen reader says how many there are. `children` adds items after them. */
export function LinkList({ items, className, linkClassName, children }: { items: readonly LinkItem[]; className: string; linkClassName: string; children?: ReactNode }) {
  return (
    <ul className={className}>
      {items.map((item) => (
        <li key={item.href}>
          <Link href={item.href} className={linkClassName}>
            {item.label}
          </Link>
        </li>
      ))}
      {children}
    </ul>
  );
}
