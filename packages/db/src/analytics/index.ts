export type {
  AuthenticationSums,
  PaymentStoreDimension,
  PaymentSums,
  StoreDimension,
  StoreQuery,
  SumSource,
} from "./aggregates.ts";
export {
  authenticationSums,
  authenticationSumsStatement,
  paymentSums,
  storeDimensions,
  storeExtent,
  sumSourceOf,
} from "./aggregates.ts";
export type { AuthenticationRow, PaymentRow } from "./rows.ts";
export { removePayments, staleRowCounts, upsertAuthentications, upsertPayments } from "./rows.ts";
export type { FilterColumns, StoreFilter } from "./storeFilters.ts";
export {
  authenticationFilterColumns,
  dailyFilterColumns,
  filtersToSql,
  paymentFilterColumns,
  UnsupportedFilterError,
} from "./storeFilters.ts";
export type { SyncState, SyncStream } from "./syncState.ts";
export { emptySyncState, getSyncState, saveSyncState, withSyncLock } from "./syncState.ts";
