import type { VisibilityState } from "@tanstack/react-table";
import type { Sort } from "@vbo/verifone/fields";
import { columns } from "./columns.tsx";
import { ListTable } from "./ListTable.tsx";
import type { AuthenticationView } from "./types.ts";

export { virtualizeAbove } from "./ListTable.tsx";

type Props = {
  rows: AuthenticationView[];
  sort: Sort[];
  onSortChange: (sort: Sort[]) => void;
  columnVisibility: VisibilityState;
  onOpen: (id: string) => void;
  /** Changes when another page or view is shown, to scroll back to the top. */
  pageKey: string;
  busy?: boolean;
};

const authenticationId = (row: AuthenticationView) => row._id;
const testIds = { table: "auth-table", row: "auth-row" };

/** The authentications list: any number of sort keys (shift+click adds one). */
export function AuthenticationsTable(props: Props) {
  return <ListTable {...props} columns={columns} rowId={authenticationId} testIds={testIds} />;
}
