export const benchCredentials = { userId: "bench-user", apiKey: "bench-key-0123456789" };
export const benchBasicAuth = `Basic ${Buffer.from(`${benchCredentials.userId}:${benchCredentials.apiKey}`).toString("base64")}`;
