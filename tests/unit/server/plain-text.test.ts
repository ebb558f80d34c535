// Directory text as plain text: markup read as the feed reader reads it, references decoded once,
// nothing invisible or controlling left, and a cap that never cuts a character in two.
import { expect, it } from 'vitest';
import { plainText } from '../../../server/directory/plain-text.ts';

it.each([
  ['<b>Bold</b> &amp; <i>Beau</i>tiful', 'Bold & Beautiful'],
  ['Q&amp;amp;A', 'Q&amp;A'],
  ['Name<script>alert(1)</script>End', 'Name End'],
  ['<p>One</p><p>Two</p>', 'One Two'],
  ['Caf&eacute; 1930ft<sup>2</sup>', 'Café 1930ft2'],
  ['x\u202eevil\u0007bell\u200b', 'xevil bell'],
])('reads %j as %j', (value, text) => {
  expect(plainText(value, 100)).toBe(text);
});

it('drops a tag its bound cut in half, and caps with an ellipsis', () => {
  expect(plainText(`Long name <a href="${'x'.repeat(900)}`, 100)).toBe('Long name');
  expect(plainText('abcdefghij', 4)).toBe('abc…');
  expect(plainText(42, 10)).toBe('');
});
