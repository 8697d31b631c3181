/**
 * The actions the audit trail records: every mutation's procedure path (CONTRACT.md §1). Offered as suggestions in
 * the action filter; any other text can still be typed, so an action added later is never unreachable.
 */
export const knownAuditActions = [
  "auth.login",
  "auth.logout",
  "users.create",
  "users.setRole",
  "users.disable",
  "tokens.suspend",
  "tokens.activate",
  "tokens.update",
  "tokens.delete",
  "transactions.refund",
  "transactions.capture",
  "transactions.void",
] as const;
