import type { TRPCRouterRecord } from "@trpc/server";
import { cardNumberRefusal, looksLikeCardNumber } from "@vbo/domain";
import { z } from "zod";
import { findReference } from "../search/findReference.ts";
import { signedInProcedure } from "../trpc.ts";

export const searchFindInput = z.object({
  q: z
    .string()
    .trim()
    .min(1, "paste a reference to look for")
    .max(255, "a reference is at most 255 characters")
    .superRefine((value, ctx) => {
      // Refused before anything else sees it: never sent to Verifone, never in a log or an error message.
      if (looksLikeCardNumber(value)) ctx.addIssue({ code: "custom", message: cardNumberRefusal });
    }),
});

export const searchRouter = {
  /**
   * Finds records by any reference (ids, ds_transaction_id, order_id, merchant_reference, reuse token) across what
   * the signed-in role may read; each source is queried only on the fields Verifone filters.
   */
  find: signedInProcedure()
    .input(searchFindInput)
    .query(async ({ ctx, input }) => {
      // biome-ignore lint/style/noNonNullAssertion: the procedure's gate has checked the session
      return findReference(ctx, ctx.user!, input.q);
    }),
} satisfies TRPCRouterRecord;
