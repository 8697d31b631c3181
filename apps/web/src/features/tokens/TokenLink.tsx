import { Anchor } from "@mantine/core";
import { IconCreditCard } from "@tabler/icons-react";
import { can } from "@vbo/domain";
import { Link } from "react-router";
import { useCurrentUser } from "../../auth/currentUser.ts";
import { CopyValue } from "../../components/CopyValue.tsx";
import { reuseTokenProblem, tokenPath } from "./tokenInputRules.ts";

/**
 * A reuse token named by another record (an authentication's `card`, a payment's reuse token): a link to its page on
 * Tokens for a role that may read tokens, plain (copyable) text otherwise or when it is not a well-formed token id.
 * Small on purpose: other pages import it without loading the Tokens page.
 */
export function TokenLink({
  reuseToken,
  label = "card id",
  testId = "token-link",
}: {
  reuseToken: string;
  /** What the value is called where it is named (the copy button's label). */
  label?: string;
  testId?: string;
}) {
  const { role } = useCurrentUser();
  if (!can(role, "tokens.read") || reuseTokenProblem(reuseToken)) return <CopyValue value={reuseToken} label={label} />;
  return (
    <Anchor
      component={Link}
      to={tokenPath(reuseToken)}
      data-testid={testId}
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
