/**
 * The checked request of a money move (amount, which void), written before Verifone is called: a process that
 * finds the attempt unfinished (its first owner died mid-call) resends exactly that, with the same key.
 */
export const hardening = `
ALTER TABLE idempotency_record ADD COLUMN IF NOT EXISTS attempt jsonb;
`;
