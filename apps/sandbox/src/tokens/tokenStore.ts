import { notFound, refused } from "../ecommerce/problems.ts";
import type { Token, TokenStatus } from "./types.ts";

/**
 * The reuse tokens, with their state machine: `ACTIVE ⇄ SUSPENDED`, either → `DELETED`, and `DELETED` is final.
 * A refused action is a 400 whose `details["params.id"]` names the current `token_status` (the spec documents no
 * 409, and its 400 covers "templated parameters of the request URL").
 */
export type TokenAction = "suspend" | "activate" | "delete" | "update";

const allowedFrom: Readonly<Record<TokenAction, readonly TokenStatus[]>> = {
  suspend: ["ACTIVE"],
  activate: ["SUSPENDED"],
  delete: ["ACTIVE", "SUSPENDED"],
  update: ["ACTIVE", "SUSPENDED"],
};
const resulting: Readonly<Record<Exclude<TokenAction, "update">, TokenStatus>> = {
  suspend: "SUSPENDED",
  activate: "ACTIVE",
  delete: "DELETED",
};
const verbs: Readonly<Record<TokenAction, string>> = {
  suspend: "suspended",
  activate: "activated",
  delete: "deleted",
  update: "updated",
};

function refusal(action: TokenAction, current: TokenStatus): string {
  if (current === "DELETED")
    return action === "delete"
      ? "the token is already DELETED"
      : `the token is DELETED (deletion is final) and cannot be ${verbs[action]}`;
  if (resulting[action as keyof typeof resulting] === current) return `the token is already ${current}`;
  return `a ${current} token cannot be ${verbs[action]}`;
}

export class TokenStore {
  readonly #byId = new Map<string, Token>();
  /** The live (not deleted) token per card fingerprint. */
  readonly #byCard = new Map<string, Token>();

  constructor(tokens: readonly Token[]) {
    for (const token of tokens) this.add(token);
  }

  get size(): number {
    return this.#byId.size;
  }

  /** Every token, in the order added (the seed's order first). */
  all(): Token[] {
    return [...this.#byId.values()];
  }

  get(id: string): Token | undefined {
    return this.#byId.get(id);
  }

  /** The token or a 404 naming where its id came from (`params.id`, `body.reuse_token`). */
  require(id: string, at = "params.id"): Token {
    const token = this.#byId.get(id);
    if (!token) throw notFound(at, "no reuse token with this id");
    return token;
  }

  liveTokenForCard(fingerprint: string): Token | undefined {
    return this.#byCard.get(fingerprint);
  }

  add(token: Token): void {
    if (this.#byId.has(token.reuse_token)) throw new Error(`duplicate reuse token ${token.reuse_token}`);
    this.#byId.set(token.reuse_token, token);
    if (token.token_status !== "DELETED") this.#byCard.set(token.fingerprint, token);
  }

  /** Checks that `action` is allowed now; throws the 400 that says the current state. */
  assertAllowed(token: Token, action: TokenAction): void {
    if (allowedFrom[action].includes(token.token_status)) return;
    throw refused("params.id", refusal(action, token.token_status), { token_status: token.token_status, action });
  }

  changeStatus(id: string, action: Exclude<TokenAction, "update">, now: number): Token {
    const token = this.require(id);
    this.assertAllowed(token, action);
    token.token_status = resulting[action];
    token.updated_at = new Date(now).toISOString();
    if (token.token_status === "DELETED" && this.#byCard.get(token.fingerprint) === token)
      this.#byCard.delete(token.fingerprint);
    return token;
  }

  /** Applies `change` to a token that may be updated; keeps the card index in step when the card changes. */
  update(id: string, change: (token: Token) => void, now: number): Token {
    const token = this.require(id);
    this.assertAllowed(token, "update");
    const before = token.fingerprint;
    change(token);
    token.updated_at = new Date(now).toISOString();
    if (token.fingerprint !== before) {
      if (this.#byCard.get(before) === token) this.#byCard.delete(before);
      this.#byCard.set(token.fingerprint, token);
    }
    return token;
  }
}
