// The app's main sections, drawn as the header's links on wide screens and the bottom tab bar on
// phones.
import { ArrowDownToLine, Compass, Library, Settings, type LucideIcon } from 'lucide-react';

/** One section: where it lives, its name and its icon. */
export interface NavItem {
  href: string;
  label: string;
  icon: LucideIcon;
}

/** Library, Discover, Downloads, Settings. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/', label: 'Library', icon: Library },
  { href: '/discover', label: 'Discover', icon: Compass },
  { href: '/downloads', label: 'Downloads', icon: ArrowDownToLine },
  { href: '/settings', label: 'Settings', icon: Settings },
];
