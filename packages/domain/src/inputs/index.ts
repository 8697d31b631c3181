// The procedures' input schemas (zod), shared by the API's `.input()` and the dashboard's forms.
export { loginInput, mfaRecoveryInput, mfaTotpInput, mfaVerifyInput, webauthnResponse } from "./auth.ts";
export { idempotencyKeySchema, moveAmountSchema, refundReasonSchema } from "./moneyMoves.ts";
export { problemCheck } from "./refine.ts";
export { changePasswordInput, createUserInput, passwordSchema } from "./staff.ts";
export {
  reuseTokenSchema,
  tokenActionInput,
  tokenChangesSchema,
  tokenGetInput,
  tokenReasonSchema,
  tokenUpdateInput,
  tokenUpdateReasonSchema,
} from "./tokens.ts";
export {
  viewNameSchema,
  viewsCreateInput,
  viewsDeleteInput,
  viewsListInput,
  viewsSetDefaultInput,
  viewsUpdateInput,
} from "./views.ts";
