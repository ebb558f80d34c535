import { expect, it } from 'vitest';
import { formatBytes, formatDuration } from '../../../src/shared/format.ts';

it('formats sizes in decimal units', () => {
  expect(formatBytes(999)).toBe('999 B');
  expect(formatBytes(2_097_196)).toBe('2.1 MB');
  expect(formatBytes(125_829_164)).toBe('126 MB');
});

it('formats durations the way people say them', () => {
  expect(formatDuration(47)).toBe('47 s');
  expect(formatDuration(95)).toBe('1 min 35 s');
  expect(formatDuration(3725)).toBe('1 h 2 min');
});
