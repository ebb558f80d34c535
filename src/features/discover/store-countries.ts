// The Apple Podcasts store countries named in the listener's language, and the one to start
// with: the browser's region.
import { STORE_COUNTRIES as CODES } from '../../shared/store-countries.ts';

/** Every store country as { code, name }, sorted by name. */
export function storeCountries(): { code: string; name: string }[] {
  const names = new Intl.DisplayNames(navigator.languages, { type: 'region' });
  return CODES.map((code) => ({
    code,
    name: names.of(code.toUpperCase()) ?? code.toUpperCase(),
  })).sort((a, b) => a.name.localeCompare(b.name));
}

/** The country's name in the listener's language. */
export function countryName(code: string): string {
  return (
    new Intl.DisplayNames(navigator.languages, { type: 'region' }).of(code.toUpperCase()) ?? code
  );
}

/** The browser's region when it has a store ("en-GB" → "gb"; "de" → "de"), else "us". */
export function defaultCountry(languages: readonly string[] = navigator.languages): string {
  for (const language of languages) {
    try {
      const region = new Intl.Locale(language).maximize().region?.toLowerCase();
      if (region && CODES.includes(region)) return region;
    } catch {
      // Not a language tag: try the next.
    }
  }
  return 'us';
}
