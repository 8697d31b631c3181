import { minorToMajorString } from "@vbo/domain";
import { stringify } from "csv-stringify/browser/esm/sync";
import type { Group, MoneyGroup } from "./types.ts";

/** A cell that starts like a spreadsheet formula is prefixed with ' (as the API's CSV exports do). */
function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const rate = (r: number | null) => (r === null ? "" : String(r));

/** One breakdown of authentications as CSV: its key, its label, the counts and the rates (empty when null). */
export function groupsCsv(rows: Group[], label: (key: string) => string): string {
  const records = rows.map((g) => ({
    key: g.key,
    label: label(g.key),
    authentications: g.authentications,
    issuer: g.issuer,
    merchant: g.merchant,
    issuer_share: rate(g.rates.issuerShare),
    frictionless_rate: rate(g.rates.frictionlessRate),
    challenge_rate: rate(g.rates.challengeRate),
    challenge_success: rate(g.rates.challengeSuccess),
    abandonment: rate(g.rates.abandonment),
    authentication_success: rate(g.rates.authenticationSuccess),
  }));
  return stringify(records, {
    header: true,
    columns: [
      "key",
      "label",
      "authentications",
      "issuer",
      "merchant",
      "issuer_share",
      "frictionless_rate",
      "challenge_rate",
      "challenge_success",
      "abandonment",
      "authentication_success",
    ],
    cast: { string: neutraliseFormula },
  });
}

/** Payments' money per currency as CSV, amounts in major units of each currency (never summed across currencies). */
export function moneyCsv(rows: MoneyGroup[]): string {
  const records = rows.map((m) => ({
    key: m.key,
    currency_code: m.currency_code,
    payments: m.payments,
    amount: minorToMajorString(m.amount, m.currency_code),
    issuer_amount: minorToMajorString(m.issuerAmount, m.currency_code),
    merchant_amount: minorToMajorString(m.merchantAmount, m.currency_code),
  }));
  return stringify(records, {
    header: true,
    columns: ["key", "currency_code", "payments", "amount", "issuer_amount", "merchant_amount"],
    cast: { string: neutraliseFormula },
  });
}
