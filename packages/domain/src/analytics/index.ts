export type { AuthenticationDimension, PaymentDimension } from "./dimensions.ts";
export {
  authenticationDimensions,
  dimensionListField,
  drillDown,
  isTimeDimension,
  paymentDimensions,
  periodFilters,
} from "./dimensions.ts";
export type { AnalyticsAuthenticationInput, AuthenticationFacts, Flow } from "./facts.ts";
export { ANALYTICS_RULES_VERSION, authenticationFacts, normalizedField } from "./facts.ts";
export type { AnalyticsGroup, GroupCounts, GroupRates, MoneyGroup } from "./groups.ts";
export { addFacts, emptyGroupCounts, groupRates, rate, toGroup } from "./groups.ts";
export type { PaymentInput } from "./payments.ts";
export { isPayment, paymentLiability } from "./payments.ts";
export type { Period, TimeDimension } from "./periods.ts";
export {
  addDays,
  bucketKey,
  bucketKeys,
  bucketPeriod,
  isIsoDay,
  periodDays,
  periodInstants,
  previousPeriod,
  timeDimensions,
} from "./periods.ts";
export { analyticsAuthenticationFilterFields, analyticsPaymentFilterFields } from "./storeFields.ts";
