/** Issuers, BIN ranges and names behind the sandbox's seeded cards. Brand spellings are Verifone's. */
export type CardType = "CREDIT" | "DEBIT";

export type BrandProfile = {
  bins: readonly string[];
  length: number;
  /** `[issuer_name, issuer_country (ISO 3166-1 alpha-3)]` */
  issuers: readonly (readonly [string, string])[];
  variants: readonly string[];
  debitShare: number;
};

export const brandProfiles: Readonly<Record<string, BrandProfile>> = {
  VISA: {
    bins: ["492912", "453201", "476173", "400551", "414720", "448590"],
    length: 16,
    issuers: [
      ["HSBC", "GBR"],
      ["BARCLAYS", "GBR"],
      ["BNP PARIBAS", "FRA"],
      ["NORDEA", "SWE"],
      ["DEUTSCHE BANK", "DEU"],
      ["CHASE", "USA"],
    ],
    variants: ["CLASSIC", "GOLD", "PLATINUM", "SIGNATURE"],
    debitShare: 0.45,
  },
  MASTERCARD: {
    bins: ["545454", "518791", "530125", "222300", "552433"],
    length: 16,
    issuers: [
      ["ING", "NLD"],
      ["DANSKE BANK", "DNK"],
      ["SANTANDER", "ESP"],
      ["LLOYDS", "GBR"],
      ["CITIBANK", "USA"],
    ],
    variants: ["STANDARD", "WORLD", "NEW_WORLD", "WORLD_ELITE"],
    debitShare: 0.35,
  },
  AMEX: {
    bins: ["378282", "371449", "340000"],
    length: 15,
    issuers: [["AMERICAN EXPRESS", "USA"]],
    variants: ["GREEN", "GOLD", "PLATINUM"],
    debitShare: 0,
  },
  CB: {
    bins: ["497010", "497671", "513100"],
    length: 16,
    issuers: [
      ["CREDIT AGRICOLE", "FRA"],
      ["SOCIETE GENERALE", "FRA"],
    ],
    variants: ["CLASSIC", "PREMIER"],
    debitShare: 0.7,
  },
  DISCOVER: {
    bins: ["601100", "644564", "650002"],
    length: 16,
    issuers: [["DISCOVER", "USA"]],
    variants: ["IT"],
    debitShare: 0.1,
  },
  JCB: {
    bins: ["353011", "356600"],
    length: 16,
    issuers: [["JCB", "JPN"]],
    variants: ["STANDARD", "GOLD"],
    debitShare: 0,
  },
  MAESTRO: {
    bins: ["675964", "501800"],
    length: 19,
    issuers: [
      ["RABOBANK", "NLD"],
      ["ERSTE BANK", "AUT"],
    ],
    variants: ["MAESTRO"],
    debitShare: 1,
  },
  DINERS: {
    bins: ["305693", "361234", "381234"],
    length: 14,
    issuers: [["DINERS CLUB", "USA"]],
    variants: ["CLUB"],
    debitShare: 0,
  },
  UPI: {
    bins: ["620000", "625094"],
    length: 19,
    issuers: [["BANK OF CHINA", "CHN"]],
    variants: ["PLATINUM"],
    debitShare: 0.6,
  },
};

export const firstNames = [
  "ANNA",
  "JOHN",
  "MARIE",
  "LARS",
  "SOFIA",
  "DAVID",
  "EMMA",
  "OLIVER",
  "YUKI",
  "AHMED",
  "LUCA",
];
export const lastNames = ["SMITH", "MULLER", "MARTIN", "NIELSEN", "GARCIA", "ROSSI", "TANAKA", "JOHANSSON", "DUBOIS"];
