import { Anchor } from "@mantine/core";
import { IconCreditCard } from "@tabler/icons-react";
import { can } from "@vbo/domain";
import { Link } from "react-router";
import { useCurrentUser } from "../../auth/currentUser.ts";
import { CopyValue } from "../../components/CopyValue.tsx";

/** A reuse token named by a transaction: a link to its page on Tokens for a role that may read tokens, else text. */
export function ReuseTokenLink({ reuseToken }: { reuseToken: string }) {
  const { role } = useCurrentUser();
  if (!can(role, "tokens.read")) return <CopyValue value={reuseToken} label="reuse token" />;
  return (
    <Anchor
      component={Link}
      to={`/tokens/${encodeURIComponent(reuseToken)}`}
      data-testid="tx-token-link"
      ff="monospace"
      size="sm"
      title="Open this stored card on the Tokens page"
      style={{ wordBreak: "break-all" }}
    >
      <IconCreditCard size={14} style={{ verticalAlign: "-2px", marginRight: 4 }} aria-hidden />
      {reuseToken}
    </Anchor>
  );
}
