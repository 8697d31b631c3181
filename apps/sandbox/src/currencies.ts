/**
 * ISO 4217 exponents (digits after the decimal point). Everything not listed has 2. Amounts travel in minor units
 * (integers) except where the eCommerce spec says "including decimal place" (see transactions/views.ts).
 */
// biome-ignore format: a table reads better in rows
const exponents: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0,
  XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

export function exponentOf(currency: string): number {
  return exponents[currency] ?? 2;
}

/** `1250` EUR → `"12.50"`, `1250` JPY → `"1250"`, `12345` BHD → `"12.345"`; exact (integer arithmetic). */
export function decimalString(minor: number, currency: string): string {
  const exponent = exponentOf(currency);
  const digits = String(Math.abs(minor)).padStart(exponent + 1, "0");
  const sign = minor < 0 ? "-" : "";
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** `1250` EUR → `12.5`: the nearest double to the decimal amount. */
export function decimalNumber(minor: number, currency: string): number {
  return Number(decimalString(minor, currency));
}

/** Whether a decimal amount (e.g. a filter value `12.5`) is exactly `minor` units of `currency`. */
export function equalsDecimal(minor: number, currency: string, decimal: number): boolean {
  const scaled = decimal * 10 ** exponentOf(currency);
  return Math.abs(scaled - minor) < 1e-6;
}

/** For messages: `12.50 EUR`. */
export function formatMoney(minor: number, currency: string): string {
  return `${decimalString(minor, currency)} ${currency}`;
}
