import { currencyDigits } from './currency.js';

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** A decimal amount that cannot be turned into whole minor units of its currency. */
export class DecimalAmountError extends RangeError {
  override name = 'DecimalAmountError';
}

/** True when `error` is a {@link DecimalAmountError}. */
export function isDecimalAmountError(error: unknown): error is DecimalAmountError {
  return error instanceof Error && error.name === 'DecimalAmountError';
}

/**
 * An amount written as a decimal string (`"254.98"`, `"1500"`, `"12.345"`), as shops' platforms
 * send totals, as exact whole minor units of `currency` (25498 USD, 1500 JPY, 12345 KWD). The
 * digits are moved as text, never through floating point. Trailing zeros past the currency's
 * digits are accepted (`"1500.00"` JPY is 1500); any other extra digit, an exponent, a sign other
 * than a leading `-`, or an amount beyond 2^53 is refused with a {@link DecimalAmountError}.
 */
export function parseDecimalAmount(text: string, currency: string): number {
  const match = DECIMAL.exec(text.trim());
  if (!match) throw new DecimalAmountError(`"${text}" is not a decimal amount`);
  const [, minus, whole = '', fraction = ''] = match;
  const digits = currencyDigits(currency);
  const kept = fraction.slice(0, digits);
  if (/[^0]/.test(fraction.slice(digits))) {
    throw new DecimalAmountError(
      `"${text}" has more decimals than ${currency} has (${digits}): it is not whole minor units`,
    );
  }
  const minor = Number(`${whole}${kept.padEnd(digits, '0')}`);
  if (!Number.isSafeInteger(minor)) {
    throw new DecimalAmountError(`"${text}" ${currency} is too large to count exactly`);
  }
  return minus && minor !== 0 ? -minor : minor;
}
