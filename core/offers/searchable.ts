/**
 * Text as compared by searches and loose header matching: lower case, without accents or
 * ligatures, so "Noël" matches "noel" and "Œuvres" matches "oeuvres".
 */
export function searchable(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/œ/g, 'oe').replace(/æ/g, 'ae');
}
