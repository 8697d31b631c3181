/** The Created date filter's name: its days are UTC days, as Verifone takes them (the chips say the same). */
export const createdDaysLabel = "Created (UTC days)";
