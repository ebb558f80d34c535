// The country picker starts at the browser's region when it has an Apple Podcasts store.
import { expect, it } from 'vitest';
import { defaultCountry } from '../../../../src/features/discover/store-countries.ts';

it.each([
  [['en-GB', 'en'], 'gb'],
  [['de'], 'de'],
  [['fr-CA'], 'ca'],
  [['x-klingon', 'ja'], 'jp'],
  [['en-AQ'], 'us'],
  [[], 'us'],
])('starts %j at %s', (languages, country) => {
  expect(defaultCountry(languages)).toBe(country);
});
