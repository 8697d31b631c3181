// `pnpm --filter @vbo/api create-admin --email you@example.com --name "Your Name"` — creates the first admin in
// production (no demo users exist there). The password comes from ADMIN_PASSWORD or is asked for without echo.
import { parseArgs } from "node:util";
import { migrate, openDb, users } from "@vbo/db";
import { hashPassword, minPasswordLength } from "./auth/password.ts";
import { dataDir, loadEnv } from "./env.ts";

async function askHidden(question: string): Promise<string> {
  const { stdin, stdout } = process;
  if (!stdin.isTTY) throw new Error("no terminal to ask for the password: set ADMIN_PASSWORD");
  stdout.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding("utf8");
  return new Promise((resolve) => {
    let answer = "";
    const onData = (ch: string) => {
      if (ch === "\r" || ch === "\n" || ch === "\u0004") {
        stdin.setRawMode(false);
        stdin.pause();
        stdin.off("data", onData);
        stdout.write("\n");
        resolve(answer);
      } else if (ch === "\u0003") process.exit(130);
      else if (ch === "\u007f") answer = answer.slice(0, -1);
      else answer += ch;
    };
    stdin.on("data", onData);
  });
}

async function main() {
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
  if (!values.email || !values.name) throw new Error('usage: create-admin --email you@example.com --name "Your Name"');
  const env = loadEnv();
  const password = env.ADMIN_PASSWORD ?? (await askHidden("Password for the new admin: "));
  if (password.length < minPasswordLength)
    throw new Error(`the password must be at least ${minPasswordLength} characters`);
  const db = await openDb({ databaseUrl: env.DATABASE_URL, dataDir: dataDir(env) });
  try {
    await migrate(db);
    const user = await users.create(db, {
      email: values.email,
      name: values.name,
      role: "admin",
      passwordHash: await hashPassword(password),
    });
    console.log(`created admin ${user.email} (${user.id})`);
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
