// A "more actions" menu: an icon button that opens a popover of secondary actions beside it. The
// Popover API gives it light dismiss, Escape and focus return for free; it opens with focus on its
// first action, and its actions are ordinary buttons, links and checkboxes reached with Tab.
import { EllipsisVertical } from 'lucide-react';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { IconButton } from './icon-button.tsx';

const GAP = 4;

/** The button (named `label`) and its menu of `children`. */
export function MoreMenu({ label, children }: { label: string; children: ReactNode }) {
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = menu.current;
    if (!element) return;
    const onToggle = (event: Event) => {
      if ((event as ToggleEvent).newState !== 'open') return;
      place(element, button.current);
      element.querySelector<HTMLElement>('button, a, input')?.focus();
    };
    element.addEventListener('toggle', onToggle);
    return () => element.removeEventListener('toggle', onToggle);
  }, []);
  return (
    <>
      <IconButton
        ref={button}
        icon={EllipsisVertical}
        label={label}
        popoverTarget={id}
        aria-haspopup="true"
      />
      <div ref={menu} id={id} popover="auto" className="menu" role="group" aria-label={label}>
        {children}
      </div>
    </>
  );
}

/** Puts the open menu under its button, right edges aligned, or above it when there is no room. */
function place(menu: HTMLElement, anchor: HTMLElement | null): void {
  if (!anchor) return;
  const at = anchor.getBoundingClientRect();
  const height = menu.getBoundingClientRect().height;
  const below = at.bottom + GAP + height <= window.innerHeight;
  menu.style.inset = 'auto';
  menu.style.right = `${Math.max(GAP, document.documentElement.clientWidth - at.right)}px`;
  if (below) menu.style.top = `${at.bottom + GAP}px`;
  else menu.style.bottom = `${Math.max(GAP, window.innerHeight - at.top + GAP)}px`;
}
