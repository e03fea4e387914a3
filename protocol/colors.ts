/** Consumer colours: the same consumer has the same colour on every part of the page. */
export const PALETTE = [
  '#2563eb',
  '#16a34a',
  '#d97706',
  '#9333ea',
  '#db2777',
  '#0891b2',
  '#65a30d',
  '#dc2626',
  '#4f46e5',
  '#0d9488',
  '#ca8a04',
  '#7c3aed',
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
