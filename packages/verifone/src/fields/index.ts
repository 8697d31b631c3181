export { authenticationFields } from "./authenticationFields.generated.ts";
export type { FieldSpec, Filter, FilterOp, Sort } from "./fieldSpec.ts";
export { filterOps, opSymbols } from "./fieldSpec.ts";
export type { QueryProblem } from "./queryProblems.ts";
export { filterProblems, maxFilterValueLength, sortProblems } from "./queryProblems.ts";
