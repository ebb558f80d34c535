// A header link that tells assistive technology (and the eye) which page is open.
import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';

/** A Link with aria-current="page" while its section is shown. */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const [location] = useLocation();
  const current =
    href === '/' ? location === '/' || location.startsWith('/podcast/') : location.startsWith(href);
  return (
    <Link href={href} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}
