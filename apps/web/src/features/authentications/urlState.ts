import { authenticationFields } from "@vbo/verifone/fields";
import { listStateCodec } from "../../components/list/listStateCodec.ts";

export type { ListState, UrlProblem } from "../../components/list/listStateCodec.ts";

export const pageSizes = [25, 50, 100, 250, 500, 1000, 2000] as const;

/**
 * The authentications list in the URL (GET /v2/3d): the API's bounds are at most 10 sort keys and pages of at most
 * 10,000 records; `skip` counts records.
 */
export const authenticationsListCodec = listStateCodec({
  catalog: authenticationFields,
  defaultSort: [{ field: "created_at", desc: true }],
  maxSorts: 10,
  maxLimit: 10_000,
});
export const { defaultListState, decodeFilter, encodeListState, decodeListState } = authenticationsListCodec;
