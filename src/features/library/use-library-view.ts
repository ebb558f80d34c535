// How the listener likes the library drawn, artwork grid or list, remembered on this device. A
// look, not data: it lives in localStorage, read synchronously so the first frame is right.
import { useState } from 'react';

/** The two ways to show the library. */
export type LibraryView = 'grid' | 'list';

const KEY = 'longwave.libraryView';

function stored(): LibraryView {
  try {
    return localStorage.getItem(KEY) === 'list' ? 'list' : 'grid';
  } catch {
    return 'grid';
  }
}

/** The chosen view and a setter that remembers it. */
export function useLibraryView(): [LibraryView, (view: LibraryView) => void] {
  const [view, setView] = useState(stored);
  return [
    view,
    (next) => {
      setView(next);
      try {
        localStorage.setItem(KEY, next);
      } catch {
        // Storage refused (private mode, full): the choice holds for this visit only.
      }
    },
  ];
}
