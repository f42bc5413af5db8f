import { currencyDigits } from './currency.js';

function assertMinorUnits(minor: number): void {
  if (!Number.isSafeInteger(minor)) {
    throw new RangeError(`Money must be a whole number of minor units, got ${minor}`);
  }
}

/** An amount in minor units as a number of major units: `toMajor(1999, 'EUR')` is 19.99. */
export function toMajor(minor: number, currency: string): number {
  assertMinorUnits(minor);
  return minor / 10 ** currencyDigits(currency);
}

/** An amount in major units as whole minor units, rounded half away from zero. */
export function toMinor(major: number, currency: string): number {
  if (!Number.isFinite(major)) throw new RangeError(`Cannot convert ${major} to minor units`);
  const digits = currencyDigits(currency);
  const magnitude = Math.abs(major);
  const text = String(magnitude);
  // Shifting the decimal point in the text avoids 1.005 * 100 === 100.49999999999999.
  const shifted = text.includes('e') ? magnitude * 10 ** digits : Number(`${text}e${digits}`);
  const minor = Math.round(shifted);
  return major < 0 && minor !== 0 ? -minor : minor;
}

/** The exact decimal text of an amount in minor units, such as `-12.50` for -1250 EUR. */
export function toDecimalString(minor: number, currency: string): string {
  assertMinorUnits(minor);
  const digits = currencyDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  if (digits === 0) return `${sign}${text}`;
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
