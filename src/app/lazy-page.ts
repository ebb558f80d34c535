// Pages other than the library load the first time they are shown, so the first screen downloads
// less; the service worker precaches every chunk, so they open offline all the same.
import { lazy, type ComponentType } from 'react';

/** The page component `name` of the module `load` imports, loaded when first rendered. */
export function lazyPage<Name extends string, Props extends object>(
  load: () => Promise<Record<Name, ComponentType<Props>>>,
  name: Name,
) {
  return lazy(async () => ({ default: (await load())[name] }));
}
