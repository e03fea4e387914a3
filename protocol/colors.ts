/** Consumer colours: the same consumer has the same colour on every part of the page. */
// 700 shades: white text on a chip of any of them is at least 4.5:1 (WCAG AA).
export const PALETTE = [
  '#1d4ed8',
  '#15803d',
  '#b45309',
  '#7e22ce',
  '#be185d',
  '#0e7490',
  '#4d7c0f',
  '#b91c1c',
  '#4338ca',
  '#0f766e',
  '#a16207',
  '#6d28d9',
] as const;

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return Math.abs(h);
}

/** Lab consumers are numbered (c1, c2…): number n gets palette slot n-1, so neighbours differ. */
export function colorFor(key: string): string {
  const n = /(\d+)$/.exec(key)?.[1];
  const index = n === undefined ? hash(key) : Number(n) - 1 + hash(key.replace(/\d+$/, ''));
  return PALETTE[index % PALETTE.length] ?? PALETTE[0];
}
