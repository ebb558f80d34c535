// A button drawn as an icon. Its label is real text inside it: the accessible name, what
// `textContent` reads, and (shown on hover and on keyboard focus) its tooltip, all one string.
import type { LucideIcon } from 'lucide-react';
import type { ComponentPropsWithRef, ReactNode } from 'react';

type IconButtonProps = Omit<ComponentPropsWithRef<'button'>, 'children'> & {
  icon: LucideIcon;
  /** The button's name and tooltip, e.g. "Download". */
  label: string;
  /** Drawn beside the icon but not read out (the label says it), e.g. the seconds of a skip. */
  badge?: ReactNode;
  /** Where the tooltip opens; `start` keeps it on screen for buttons at a row's left end. */
  tip?: 'end' | 'start' | 'center';
  size?: number;
  /** The filled, accent-coloured look of a primary action. */
  primary?: boolean;
};

/** An icon button with its label as name and tooltip. */
export function IconButton({
  icon: Icon,
  label,
  badge,
  tip = 'end',
  size = 22,
  primary = false,
  className,
  ...button
}: IconButtonProps) {
  const classes = ['icon-button', primary && 'icon-button-primary', className].filter(Boolean);
  return (
    <button type="button" className={classes.join(' ')} {...button}>
      <Icon size={size} />
      {badge !== undefined && (
        <span className="icon-badge" aria-hidden="true">
          {badge}
        </span>
      )}
      <span className={`tip tip-${tip}`}>{label}</span>
    </button>
  );
}
