/** Signs in as a demo user (operations by default) and returns the session cookie, as a browser would hold it. */
export async function sessionCookie(apiUrl: string, email = "ops@demo.test"): Promise<string> {
  const res = await fetch(`${apiUrl}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: apiUrl },
    body: JSON.stringify({ email, password: "demo-password-1" }),
  });
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  if (!res.ok || !cookie) throw new Error(`bench sign-in as ${email} failed: ${res.status}`);
  return cookie;
}
