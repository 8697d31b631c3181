export type { AmountUnits, FilterProblem } from "./amountFilters.ts";
export { amountFilterProblems, amountValueText, filteredCurrency } from "./amountFilters.ts";
export * from "./analytics/index.ts";
export {
  cardDataKeys,
  cardNumberReplacement,
  findCardNumbers,
  isCardDataKey,
  isCardNumber,
  isLuhnValid,
  isVerifoneOrderId,
  redactCardData,
  redactCardNumbers,
} from "./cardData.ts";
export { cardNumberRefusal, looksLikeCardNumber } from "./cardNumber.ts";
export type { EciCategory } from "./eci.ts";
export { eciCategory, eciMeaning, normalizeEci } from "./eci.ts";
export type { Filter, FilterOp } from "./filter.ts";
export type { Liability, LiabilityInput } from "./liability.ts";
export {
  legacyThreeDSVersions,
  legacyVisaCutoffDate,
  liabilityOf,
  liabilityWithout3DS,
  utcDateOf,
} from "./liability.ts";
export type { LiabilityCountPlan, LiabilityCounts } from "./liabilityCounts.ts";
export { constrainFilters, liabilityCountPlan, liabilityCountsFrom, liabilityPresets } from "./liabilityCounts.ts";
export type { LiabilityReason } from "./liabilityReasons.ts";
export { liabilityReasons, liabilityReasonText } from "./liabilityReasons.ts";
export type { ParsedAmount } from "./money.ts";
export {
  currencyExponent,
  formatMoney,
  isKnownCurrency,
  minorToMajorString,
  parseMajorToMinor,
} from "./money.ts";
export type { Permission, Role } from "./permissions.ts";
export { can, isRole, minPasswordLength, permissions, roleLabels, roles, rolesWith } from "./permissions.ts";
export type { SavedViewPage } from "./savedViews.ts";
export {
  mayChangeView,
  mayDeleteView,
  mayOpenView,
  savedViewPages,
  viewNameMaxLength,
  viewNameProblem,
  viewQueryMaxLength,
  viewQueryOf,
} from "./savedViews.ts";
export type { SignInState, SignInStep } from "./signInSteps.ts";
export { defaultMfaRequiredRoles, factorRequiredFor, nextSignInStep, signInSteps } from "./signInSteps.ts";
export type { SsoErrorCode } from "./ssoErrors.ts";
export { isSsoErrorCode, ssoErrorMessages } from "./ssoErrors.ts";
export type { RoleMapProblem, SsoRoleMap } from "./ssoRoles.ts";
export { claimValues, parseSsoRoleMap, ssoRoleOf } from "./ssoRoles.ts";
export type {
  Initiator,
  ProcessingModel,
  StoredCredentialDescription,
  StoredCredentialInput,
  StoredCredentialKind,
} from "./storedCredential.ts";
export { describeStoredCredential } from "./storedCredential.ts";
export { canonicalTimeZone } from "./timeZone.ts";
export {
  reasonMaxLength,
  reasonMinLength,
  reasonProblem,
  reuseTokenMaxLength,
  reuseTokenMinLength,
  reuseTokenProblem,
} from "./tokenInput.ts";
export type {
  ExpiryState,
  RuleCheck,
  TokenAction,
  TokenChangeProblem,
  TokenChanges,
  TokenStatus,
} from "./tokenRules.ts";
export {
  cardHolderEmailMaxLength,
  cardHolderEmailMinLength,
  cardHolderNameMaxLength,
  expiringWithinDays,
  expiryState,
  tokenActionAllowed,
  tokenChangeProblems,
  tokenExpired,
} from "./tokenRules.ts";
export type { ActionCheck, TransactionActions, TransactionLike } from "./transactionActions.ts";
export { checkCapture, checkRefund, checkVoid, transactionActions } from "./transactionActions.ts";
export { majorAmountToMinor } from "./transactionAmount.ts";
export type { DateRangeProblem } from "./transactionDateRange.ts";
export { hasCreatedRange, oneMonthAfter, transactionDateRangeProblems } from "./transactionDateRange.ts";
export type {
  CarriedLiability,
  FollowOnLike,
  LiabilityFilterValue,
  MatchingAuthentication,
  TransactionForLiability,
  TransactionThreeDSBlock,
} from "./transactionLiability.ts";
export {
  authenticationLookupFilters,
  carriedLiability,
  findMatchingAuthentication,
  isFollowOn,
  isLiabilityFilterValue,
  isMatchingAuthentication,
  liabilityFilterValues,
  matchesLiabilityFilter,
  maxFollowOnChain,
  needsAuthenticationLookup,
  originalIdOf,
  originalsToRead,
  transactionLiability,
} from "./transactionLiability.ts";
