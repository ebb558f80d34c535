// The app's main sections, drawn as the header's links on wide screens and the bottom tab bar on
// phones. Discover joins them once its page is part of the app (its module exists at build time).
import { ArrowDownToLine, Compass, Library, Settings, type LucideIcon } from 'lucide-react';

/** One section: where it lives, its name and its icon. */
export interface NavItem {
  href: string;
  label: string;
  icon: LucideIcon;
}

// Empty when there is no Discover page: the glob matches no file then, and nothing is bundled.
const discoverPage = import.meta.glob('../features/discover/discover-page.tsx');

/** Library, Discover (when it exists), Downloads, Settings. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/', label: 'Library', icon: Library },
  ...(Object.keys(discoverPage).length > 0
    ? [{ href: '/discover', label: 'Discover', icon: Compass }]
    : []),
  { href: '/downloads', label: 'Downloads', icon: ArrowDownToLine },
  { href: '/settings', label: 'Settings', icon: Settings },
];
