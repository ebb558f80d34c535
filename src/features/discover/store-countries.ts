// The countries with an Apple Podcasts store (two-letter codes, as its charts and search take
// them), named in the listener's language, and the one to start with: the browser's region.

const CODES =
  'ae ag ai al am ao ar at au az bb be bf bg bh bj bm bn bo br bs bt bw by bz ca cg ch cl cn co cr cv cy cz de dk dm do dz ec ee eg es fi fj fm fr gb gd gh gm gr gt gw gy hk hn hr hu id ie il in is it jm jo jp ke kg kh kn kr kw ky kz la lb lc lk lr lt lu lv md mg mk ml mn mo mr ms mt mu mw mx my mz na ne ng ni nl no np nz om pa pe pg ph pk pl pt pw py qa ro ru sa sb sc se sg si sk sl sn sr st sv sz tc td th tj tm tn tr tt tw tz ua ug us uy uz vc ve vg vn ye za zw'.split(
    ' ',
  );

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

/** Whether `code` names a store country. */
export function isStoreCountry(code: unknown): code is string {
  return typeof code === 'string' && CODES.includes(code);
}
