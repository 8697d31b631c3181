import { hash, verify } from "@node-rs/argon2";

// Argon2id with OWASP's baseline (19 MiB, 2 passes): memory-hard, ~35 ms per hash on this machine.
const params = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, params);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified against when the email is unknown, so a wrong email costs as long as a wrong password. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword("decoy-password-never-valid");
  return decoyHash;
}

export { minPasswordLength } from "@vbo/domain";
