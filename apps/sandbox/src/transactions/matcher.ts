import { equalsDecimal } from "../currencies.ts";
import type { Condition } from "./queryGrammar.ts";
import type { Transaction } from "./types.ts";

/** One predicate for the parsed conditions: each condition must hold; a condition holds if any of its values does. */
function test(condition: Condition): (t: Transaction) => boolean {
  switch (condition.kind) {
    case "string": {
      const { field, values } = condition;
      return (t) => {
        const v = field.read(t);
        return typeof v === "string" && values.has(v);
      };
    }
    case "number": {
      const { field, values } = condition;
      return (t) => {
        const v = field.read(t);
        return typeof v === "number" && values.includes(v);
      };
    }
    case "amount":
      return (t) => condition.values.some((v) => equalsDecimal(t.amount, t.currency_code, v));
    case "date":
      return (t) => condition.values.some((i) => t.createdMs >= i.start && t.createdMs <= i.end);
    case "range":
      return (t) => t.createdMs >= condition.start && t.createdMs <= condition.end;
  }
}

export function matcherFor(conditions: readonly Condition[]): (t: Transaction) => boolean {
  const tests = conditions.map(test);
  return (t) => tests.every((check) => check(t));
}
