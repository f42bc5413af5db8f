export { currencyDigits, isKnownCurrency } from './currency.js';
export { DecimalAmountError, isDecimalAmountError, parseDecimalAmount } from './decimal-amount.js';
export { formatMoney } from './format-money.js';
export { toDecimalString, toMajor, toMinor } from './minor-units.js';
