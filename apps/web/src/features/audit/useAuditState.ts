import { pageMoves } from "../../components/list/useListState.ts";
import { useUrlState } from "../../components/list/useUrlState.ts";
import { auditUrlState } from "./auditUrlState.ts";

/**
 * The audit view lives in the URL, on the same layer as the lists; every change pushes a history entry so back/forward
 * walk through views. Changing a filter or the page size goes back to the first page.
 */
export function useAuditState() {
  const view = useUrlState(auditUrlState);
  return { ...view, paging: pageMoves(view.setState) };
}
