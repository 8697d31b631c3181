import { ListTable, type ListTableProps } from "../../components/list/ListTable.tsx";
import { columns } from "./columns.tsx";
import type { AuthenticationView } from "./types.ts";

export { virtualizeAbove } from "../../components/list/ListTable.tsx";

type Props = Omit<ListTableProps<AuthenticationView>, "columns" | "rowId" | "testIds" | "multiSort">;

const authenticationId = (row: AuthenticationView) => row._id;
const testIds = { table: "auth-table", row: "auth-row" };

/** The authentications list: any number of sort keys (shift+click adds one). */
export function AuthenticationsTable(props: Props) {
  return <ListTable {...props} columns={columns} rowId={authenticationId} testIds={testIds} />;
}
