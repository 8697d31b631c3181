/** The embedded sandbox, loaded on demand: production (with Verifone settings) never imports it. */
export async function loadSandbox(): Promise<typeof import("./embeddedSandbox.ts")> {
  try {
    return await import("./embeddedSandbox.ts");
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND";
    if (missing && String((err as Error).message).includes("andbox"))
      throw new Error(
        "This install has no embedded sandbox (a production install leaves it out): set VERIFONE_REGION or " +
          "VERIFONE_BASE_URL, VERIFONE_USER_ID, VERIFONE_API_KEY and DATABASE_URL",
      );
    throw err;
  }
}
