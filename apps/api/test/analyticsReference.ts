/**
 * CONTRACT.md §2 and §5 written out again, plainly, for the analytics tests to check the API against — on purpose
 * sharing no code with packages/domain (a bug in one shows up as a difference with the other).
 */
type Rec = Record<string, unknown>;

const up = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  const t = String(v).trim().toUpperCase();
  return t === "" ? null : t;
};

function utcDay(value: unknown): string {
  const text = String(value);
  const withZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(text) || !text.includes("T") ? text : `${text}Z`;
  return new Date(Date.parse(withZone)).toISOString().slice(0, 10);
}

export type RefVerdict = { liable: "ISSUER" | "MERCHANT"; reason: string };

/** §2 over (brand, version, created, enrolled, signature, pares). */
export function refLiability(f: {
  brand: unknown;
  version: unknown;
  created: unknown;
  enrolled: unknown;
  signature: unknown;
  pares: unknown;
}): RefVerdict {
  const m = (reason: string): RefVerdict => ({ liable: "MERCHANT", reason });
  if (up(f.brand) === "VISA" && (up(f.version) ?? "").startsWith("1.") && utcDay(f.created) >= "2021-10-16") {
    return m("LEGACY_3DS1_VISA");
  }
  const enrolled = up(f.enrolled);
  if (enrolled !== "Y") {
    return m(
      enrolled === "N"
        ? "NOT_ENROLLED"
        : enrolled === "U"
          ? "ENROLLMENT_UNAVAILABLE"
          : enrolled === "B"
            ? "ENROLLMENT_BYPASSED"
            : "ENROLLMENT_UNKNOWN",
    );
  }
  const signature = up(f.signature);
  if (signature !== "Y") return m(signature === "N" ? "SIGNATURE_INVALID" : "SIGNATURE_UNKNOWN");
  const pares = up(f.pares);
  if (pares === "Y") return { liable: "ISSUER", reason: "AUTHENTICATED" };
  if (pares === "A") return { liable: "ISSUER", reason: "ATTEMPTED" };
  const failed: Record<string, string> = {
    N: "AUTHENTICATION_FAILED",
    U: "AUTHENTICATION_UNAVAILABLE",
    R: "AUTHENTICATION_REJECTED",
    C: "CHALLENGE_PENDING",
  };
  return m(failed[pares ?? ""] ?? "STATUS_UNKNOWN");
}

export type RefGroup = {
  authentications: number;
  issuer: number;
  merchant: number;
  frictionless: number;
  challenged: number;
  challengeSucceeded: number;
  abandoned: number;
  authenticated: number;
  enrolled: number;
  v2Enrolled: number;
  reasons: Record<string, number>;
  rates: Record<string, number | null>;
};

/** The §5 group of a set of authentications (as GET /v2/3d returns them). */
export function refGroup(records: Rec[]): RefGroup {
  let issuer = 0;
  let frictionlessAuth = 0;
  let challenge = 0;
  let challengeV2 = 0;
  let challengeY = 0;
  let abandoned = 0;
  let authenticated = 0;
  let enrolledCount = 0;
  let v2EnrolledCount = 0;
  const reasons: Record<string, number> = {};
  for (const r of records) {
    const a = (r.authentication ?? {}) as Rec;
    const verdict = refLiability({
      brand: a.card_brand,
      version: a.threeds_version,
      created: r.created_at,
      enrolled: a.enrolled,
      signature: a.signature_verification,
      pares: a.pares_status,
    });
    reasons[verdict.reason] = (reasons[verdict.reason] ?? 0) + 1;
    if (verdict.liable === "ISSUER") issuer++;
    const pares = up(a.pares_status);
    const v2 = (up(a.threeds_version) ?? "").startsWith("2.");
    const enrolled = up(a.enrolled) === "Y";
    const cancel = up(a.challenge_cancel) !== null;
    const challenged = pares === "C" || up(a.challenge_required) === "Y" || cancel;
    const flow = challenged
      ? "CHALLENGE"
      : v2 && enrolled && ["Y", "A", "N", "R", "U"].includes(pares ?? "")
        ? "FRICTIONLESS"
        : "NONE";
    const isAuthenticated = pares === "Y" || pares === "A";
    if (flow === "FRICTIONLESS" && isAuthenticated) frictionlessAuth++;
    if (flow === "CHALLENGE") challenge++;
    if (flow === "CHALLENGE" && v2) challengeV2++;
    if (flow === "CHALLENGE" && pares === "Y") challengeY++;
    if (cancel) abandoned++;
    if (isAuthenticated) authenticated++;
    if (enrolled) enrolledCount++;
    if (v2 && enrolled) v2EnrolledCount++;
  }
  const n = records.length;
  const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
  return {
    authentications: n,
    issuer,
    merchant: n - issuer,
    frictionless: frictionlessAuth,
    challenged: challenge,
    challengeSucceeded: challengeY,
    abandoned,
    authenticated,
    enrolled: enrolledCount,
    v2Enrolled: v2EnrolledCount,
    reasons,
    rates: {
      issuerShare: ratio(issuer, n),
      frictionlessRate: ratio(frictionlessAuth, v2EnrolledCount),
      challengeRate: ratio(challengeV2, v2EnrolledCount),
      challengeSuccess: ratio(challengeY, challenge),
      abandonment: ratio(abandoned, challenge),
      authenticationSuccess: ratio(authenticated, enrolledCount),
    },
  };
}

/** The UTC day, the Monday of its ISO week, or its month. */
export function refBucket(createdAt: unknown, by: "day" | "week" | "month"): string {
  const day = utcDay(createdAt);
  if (by === "day") return day;
  if (by === "month") return day.slice(0, 7);
  const d = new Date(`${day}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

export function refDayInPeriod(createdAt: unknown, from: string, to: string): boolean {
  const day = utcDay(createdAt);
  return day >= from && day <= to;
}

/** §5 payments: SALE / AUTHORISATION / PREAUTH not DECLINED; verdict from the block, signature from the 3DS record. */
export function refPayment(tx: Rec, authenticationsByDs: Map<string, Rec>): RefVerdict | null {
  const type = up(tx.transaction_type);
  if (!type || !["SALE", "AUTHORISATION", "PREAUTH"].includes(type) || up(tx.status) === "DECLINED") return null;
  const block = tx.threed_authentication as Rec | null | undefined;
  const hasBlock = block && Object.values(block).some((v) => up(v) !== null);
  if (!block || !hasBlock) return { liable: "MERCHANT", reason: "NO_3DS" };
  const ds = block.ds_transaction_id ? String(block.ds_transaction_id).trim().toLowerCase() : "";
  const match = ds ? (authenticationsByDs.get(ds)?.authentication as Rec | undefined) : undefined;
  return refLiability({
    brand: tx.card_brand,
    version: block.threeds_version,
    created: tx.created_at,
    enrolled: block.enrolled,
    signature: up(block.signature_verification) !== null ? block.signature_verification : match?.signature_verification,
    pares: block.pares_status,
  });
}
