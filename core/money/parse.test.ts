import { describe, expect, it } from 'vitest';
import type { Result } from '../shared/result.ts';
import { formatMoney } from './format.ts';
import { parseMoney, parsePercent, parseQuantity } from './parse.ts';
import { cents } from './units.ts';

function codeOf<T>(result: Result<T>): string {
  return result.ok ? 'ok' : result.error.code;
}

function valueOf<T>(result: Result<T>): T | string {
  return result.ok ? result.value : result.error.code;
}

describe('parseMoney', () => {
  it.each([
    ['1 234,56', 123456],
    ['1234.56', 123456],
    ['1234,5', 123450],
    ['1.234,56', 123456],
    ['1,234.56', 123456],
    ['12 €', 1200],
    ['€12.30', 1230],
    ['12,30 EUR', 1230],
    ['  7  ', 700],
    [',5', 50],
    ['12,500 €', 1250],
    ['1\u202f234,56\u00a0€', 123456],
    ['-12,50', 'NEGATIVE_NOT_ALLOWED'],
  ])('reads %j as %j', (input, expected) => {
    expect(valueOf(parseMoney(input))).toBe(expected);
  });

  it('reads back what it formats, in both locales', () => {
    for (const amount of [0, 5, 123456, 98765432101]) {
      expect(valueOf(parseMoney(formatMoney(cents(amount), 'EUR', 'fr-FR')))).toBe(amount);
      expect(valueOf(parseMoney(formatMoney(cents(amount), 'EUR', 'en-GB'), { locale: 'en-GB' }))).toBe(amount);
    }
  });

  it('accepts negatives only when asked, with any minus sign', () => {
    expect(valueOf(parseMoney('−12,50 €', { allowNegative: true }))).toBe(-1250);
    expect(valueOf(parseMoney('€ -3', { allowNegative: true }))).toBe(-300);
  });

  it('reads a lone "1,500" by locale', () => {
    expect(valueOf(parseMoney('1,500', { locale: 'fr-FR' }))).toBe(150);
    expect(valueOf(parseMoney('1,500', { locale: 'en-GB' }))).toBe(150000);
  });

  it.each([
    ['', 'EMPTY_INPUT'],
    ['  € ', 'EMPTY_INPUT'],
    ['abc', 'INVALID_NUMBER'],
    ['12,34,5', 'INVALID_NUMBER'],
    ['1 23', 'INVALID_NUMBER'],
    ['1.2.3,4.5', 'INVALID_NUMBER'],
    ['1 234.567,5', 'INVALID_NUMBER'],
    ['12 $', 'INVALID_NUMBER'],
    ['1,234', 'TOO_MANY_DECIMALS'],
    ['99999999999999999', 'OUT_OF_RANGE'],
  ])('refuses %j with %s', (input, code) => {
    expect(codeOf(parseMoney(input))).toBe(code);
  });

  it('accepts the symbol of the quote currency only', () => {
    expect(valueOf(parseMoney('£4.20', { currency: 'GBP', locale: 'en-GB' }))).toBe(420);
    expect(codeOf(parseMoney('4.20 €', { currency: 'GBP' }))).toBe('INVALID_NUMBER');
  });
});

describe('parsePercent', () => {
  it.each([
    ['12,5 %', 1250],
    ['5.5%', 550],
    ['20', 2000],
    ['100 %', 10000],
    ['0,01 %', 1],
    ['100,01 %', 'OUT_OF_RANGE'],
    ['0,001 %', 'TOO_MANY_DECIMALS'],
    ['-5 %', 'NEGATIVE_NOT_ALLOWED'],
    ['%', 'EMPTY_INPUT'],
  ])('reads %j as %j', (input, expected) => {
    expect(valueOf(parsePercent(input))).toBe(expected);
  });

  it('allows a larger maximum when asked', () => {
    expect(valueOf(parsePercent('150 %', { max: 20000 }))).toBe(15000);
  });
});

describe('parseQuantity', () => {
  it.each([
    ['1,5', 1500],
    ['2', 2000],
    ['0.125', 125],
    ['1 000', 1000000],
    ['1,2345', 'TOO_MANY_DECIMALS'],
    ['-1', 'NEGATIVE_NOT_ALLOWED'],
  ])('reads %j as %j', (input, expected) => {
    expect(valueOf(parseQuantity(input))).toBe(expected);
  });

  it('reads "1,500" as fifteen hundred only in en-GB', () => {
    expect(valueOf(parseQuantity('1,500'))).toBe(1500);
    expect(valueOf(parseQuantity('1,500', { locale: 'en-GB' }))).toBe(1500000);
  });
});
