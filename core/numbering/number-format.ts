import { err, ok } from '../shared/result.ts';
import type { Result } from '../shared/result.ts';

/**
 * Series of readable numbers a device may assign offline (DESIGN §8): `D` for dossiers, `Q` for quotes.
 *
 * Invoice (and credit-note) numbers are deliberately NOT a series here: French law wants them gapless
 * and chronological, which blocks consumed offline cannot guarantee, so the server assigns them when
 * it issues the document.
 */
export const NUMBER_SERIES = ['D', 'Q'] as const;
export type NumberSeries = (typeof NUMBER_SERIES)[number];

/** Six digits keep a number short enough to read out on the phone; a series restarts every year. */
export const SEQUENCE_DIGITS = 6;
export const MAX_SEQUENCE = 999_999;
export const MIN_YEAR = 2000;
export const MAX_YEAR = 9999;

/** A number split into its parts. */
export interface ParsedNumber {
  readonly series: NumberSeries;
  readonly year: number;
  readonly sequence: number;
  /** Canonical text, e.g. `Q-2026-000123`. */
  readonly text: string;
}

export type ParseNumberError = 'INVALID_NUMBER';

/** True for a series code this module knows; the server checks wire input with it. */
export function isNumberSeries(value: unknown): value is NumberSeries {
  return typeof value === 'string' && (NUMBER_SERIES as readonly string[]).includes(value);
}

/** True for a year a number may carry (four digits, from 2000). */
export function isValidYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

/** True for a sequence a number may carry (1 to 999 999). */
export function isValidSequence(sequence: number): boolean {
  return Number.isInteger(sequence) && sequence >= 1 && sequence <= MAX_SEQUENCE;
}

/**
 * Formats `Q-2026-000123`. Throws on an impossible year or sequence: allocators never produce one,
 * so getting here with one is a programming error.
 */
export function formatNumber(series: NumberSeries, year: number, sequence: number): string {
  if (!isValidYear(year)) throw new RangeError(`year out of range: ${year}`);
  if (!isValidSequence(sequence)) throw new RangeError(`sequence out of range: ${sequence}`);
  return `${series}-${year}-${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;
}

// Lenient on purpose: agents type what the customer reads out ("q 2026 123"), so case, separators
// and leading zeros are optional; the canonical text comes back in `text`.
const NUMBER_TEXT = /^([A-Za-z])[\s\-_/]*(\d{4})[\s\-_/]*(\d{1,6})$/;

/** Parses a dossier or quote number as typed by a user; returns its parts and canonical text. */
export function parseNumber(text: string): Result<ParsedNumber, ParseNumberError> {
  const m = NUMBER_TEXT.exec(text.trim());
  const series = m?.[1]?.toUpperCase();
  const year = Number(m?.[2]);
  const sequence = Number(m?.[3]);
  if (!isNumberSeries(series) || !isValidYear(year) || !isValidSequence(sequence)) {
    return err('INVALID_NUMBER', `"${text}" is not a number like Q-2026-000123`);
  }
  return ok({ series, year, sequence, text: formatNumber(series, year, sequence) });
}
