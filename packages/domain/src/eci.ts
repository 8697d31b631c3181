/** What an ECI (Electronic Commerce Indicator) value says about 3-D Secure authentication. */
export type EciCategory = "FULL" | "ATTEMPTED" | "NONE" | "UNKNOWN";

const categories: Record<string, EciCategory> = {
  "05": "FULL",
  "02": "FULL",
  "06": "ATTEMPTED",
  "01": "ATTEMPTED",
  "07": "NONE",
  "00": "NONE",
};

/** Mastercard uses 02 / 01 / 00; Visa, Amex, JCB, Diners and the others use 05 / 06 / 07. */
const mastercardValues = new Set(["02", "01", "00"]);

/**
 * The two-digit form of an ECI value, or null when it is not one.
 * Accepts the single digit the legacy 3DS 1 API returns (`"5"`, or the number `5`) as its two-digit form (`"05"`).
 */
export function normalizeEci(eci: string | number | null | undefined): string | null {
  if (eci === null || eci === undefined) return null;
  const text = String(eci).trim();
  if (!/^\d{1,2}$/.test(text)) return null;
  return text.padStart(2, "0");
}

/** 05/02 → FULL, 06/01 → ATTEMPTED, 07/00 → NONE, anything else (blank, missing, unknown) → UNKNOWN. */
export function eciCategory(eci: string | number | null | undefined): EciCategory {
  const code = normalizeEci(eci);
  return (code && categories[code]) || "UNKNOWN";
}

const categoryText: Record<EciCategory, string> = {
  FULL: "fully authenticated",
  ATTEMPTED: "authentication attempted",
  NONE: "not authenticated by 3-D Secure",
  UNKNOWN: "not a known ECI value",
};

function isMastercard(brand: string): boolean {
  const b = brand.trim().toLowerCase();
  return b === "mastercard" || b === "master card" || b === "mc" || b === "maestro";
}

/**
 * A short sentence explaining an ECI value, e.g. `ECI 05: fully authenticated.`. With a card brand, it also says when
 * the value belongs to the other brand family (05 on a Mastercard, 02 on a Visa), which usually means a data problem.
 */
export function eciMeaning(eci: string | number | null | undefined, brand?: string | null): string {
  const code = normalizeEci(eci);
  if (code === null) {
    const raw = eci === null || eci === undefined ? "" : String(eci).trim();
    return raw === "" ? "No ECI value." : `ECI ${JSON.stringify(raw)}: not a known ECI value.`;
  }
  const category = eciCategory(code);
  const sentence = `ECI ${code}: ${categoryText[category]}.`;
  if (category === "UNKNOWN" || !brand || brand.trim() === "") return sentence;
  const mastercardValue = mastercardValues.has(code);
  if (isMastercard(brand) && !mastercardValue) return `${sentence} Mastercard normally uses 02, 01 or 00.`;
  if (!isMastercard(brand) && mastercardValue) return `${sentence} ${brand.trim()} normally uses 05, 06 or 07.`;
  return sentence;
}
