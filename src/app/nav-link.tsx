// A section link that tells assistive technology (and the eye) which page is open.
import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';

// Whether `location` belongs to the section at `href` (a podcast and an episode: the library).
function isCurrentSection(href: string, location: string): boolean {
  if (href !== '/') return location.startsWith(href);
  return location === '/' || location.startsWith('/podcast/') || location.startsWith('/episode/');
}

/** A Link with aria-current="page" while its section is shown. */
export function NavLink({
  href,
  children,
  className,
}: {
  href: string;
  children: ReactNode;
  className?: string;
}) {
  const [location] = useLocation();
  return (
    <Link
      href={href}
      className={className}
      aria-current={isCurrentSection(href, location) ? 'page' : undefined}
    >
      {children}
    </Link>
  );
}
