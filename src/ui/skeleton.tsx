// Skeletons: the shape of what is loading, drawn while it loads, instead of a blank wait. The words
// are there for assistive technology.

/** `rows` grey placeholder rows (or tiles) with a busy status saying `label`. */
export function Skeleton({
  label,
  rows = 4,
  shape = 'row',
}: {
  label: string;
  rows?: number;
  shape?: 'row' | 'tile';
}) {
  return (
    <div className={`skeleton skeleton-${shape}s`} aria-busy="true">
      <p className="visually-hidden">{label}</p>
      {Array.from({ length: rows }, (_, index) => (
        <div key={index} className={`skeleton-${shape}`} aria-hidden="true">
          <span className="skeleton-art" />
          <span className="skeleton-lines">
            <span />
            <span />
          </span>
        </div>
      ))}
    </div>
  );
}
