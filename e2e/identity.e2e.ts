import * as OTPAuth from "otpauth";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { productInBrowser } from "./harness.ts";
import { demoPassword } from "./session.ts";

// Two-step verification and an admin's password reset, through the built dashboard against the real product.

const run = productInBrowser();

/** What the user's authenticator app shows `steps` 30-second steps from now (the API accepts one step either way). */
const codeAt = (secret: string, steps = 0) =>
  OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(secret), timestamp: Date.now() + steps * 30_000 });

async function fillSignIn(page: Page, email: string, password: string) {
  await page.getByTestId("login-email").fill(email);
  await page.getByTestId("login-password").fill(password);
  await page.getByTestId("login-submit").click();
}

/** Types a code into a PinInput: focus its first box, then type like a person. */
async function typeCode(page: Page, label: string, code: string) {
  await page.getByLabel(label).first().click();
  await page.keyboard.type(code);
}

describe("two-step verification", () => {
  it("a user sets up an authenticator from the user menu, and the next sign-in asks for its code", async () => {
    const page = await run.signedIn("manager@demo.test");
    await page.getByTestId("user-menu").click();
    await page.getByTestId("account-security").click();
    await page.waitForURL((url) => url.pathname === "/account");
    await page.getByTestId("totp-start").click();
    await page.getByTestId("totp-begin").click();
    await page.getByTestId("totp-qr").waitFor();
    const secret = (await page.getByTestId("totp-secret").getAttribute("data-secret")) ?? "";
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);

    const confirmCode = codeAt(secret);
    await typeCode(page, "6-digit code from the app", confirmCode);
    const codes = page.getByTestId("recovery-code-value");
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    await page.getByTestId("recovery-codes-saved").click();
    await page.getByTestId("totp-on").waitFor();

    await page.getByTestId("user-menu").click();
    await page.getByTestId("sign-out").click();
    await page.waitForURL((url) => url.pathname === "/login");
    await fillSignIn(page, "manager@demo.test", demoPassword);
    // The code used to confirm cannot be used again; the app's next code can.
    await typeCode(page, "6-digit code", confirmCode);
    expect((await page.getByTestId("mfa-error").textContent()) ?? "").toMatch(/incorrect or already used/);
    await page.getByLabel("6-digit code").first().fill("");
    await typeCode(page, "6-digit code", codeAt(secret, 1));
    await page.waitForURL((url) => url.pathname === "/analytics"); // a manager lands on Analytics
    expect(await page.getByTestId("user-menu").textContent()).toContain("Maya Manager");
  });
});

describe("passkeys", () => {
  it("registers a passkey on Chromium's virtual authenticator, then signs in with it, with and without the password", async () => {
    // WebAuthn needs a domain as the relying party: the same product, as http://localhost.
    const page = await run.newPage({ baseURL: run.product.url.replace("127.0.0.1", "localhost") });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("WebAuthn.enable");
    await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: {
        protocol: "ctap2",
        transport: "internal",
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    await page.goto("/account");
    await fillSignIn(page, "support@demo.test", demoPassword);
    await page.getByTestId("passkey-name").fill("Virtual key");
    await page.getByTestId("passkey-add").click();
    await page.locator('[data-testid="passkey-row"][data-name="Virtual key"]').waitFor();

    // password + passkey as the second factor
    await page.getByTestId("user-menu").click();
    await page.getByTestId("sign-out").click();
    await page.waitForURL((url) => url.pathname === "/login");
    await fillSignIn(page, "support@demo.test", demoPassword);
    await page.getByTestId("mfa-passkey").click();
    await page.getByTestId("auth-table").waitFor();

    // the passkey alone
    await page.getByTestId("user-menu").click();
    await page.getByTestId("sign-out").click();
    await page.waitForURL((url) => url.pathname === "/login");
    await page.getByTestId("passkey-sign-in").click();
    await page.getByTestId("auth-table").waitFor();
    expect(await page.getByTestId("user-menu").textContent()).toContain("Sam Support");
  });
});

describe("an admin resets a password", () => {
  it("the user signs in with the temporary password and must choose a new one before anything else", async () => {
    const admin = await run.signedIn("admin@demo.test", "/users");
    const row = admin.locator('[data-testid="user-row"][data-email="ops@demo.test"]');
    await row.getByTestId("user-actions").click();
    await admin.getByTestId("reset-password").click();
    await admin.getByTestId("confirm-resetPassword").getByTestId("confirm").click();
    const shown = admin.getByTestId("temporary-password");
    await shown.waitFor();
    const temporary = (await shown.getAttribute("data-value")) ?? "";
    expect(temporary).toHaveLength(20);

    const page = await run.newPage();
    await page.goto("/authentications");
    await fillSignIn(page, "ops@demo.test", demoPassword);
    await page.getByTestId("login-error").waitFor();
    await fillSignIn(page, "ops@demo.test", temporary);
    const step = page.getByTestId("sign-in-step-change-password");
    await step.waitFor();
    expect(await page.getByTestId("auth-table").count()).toBe(0);
    await page.getByTestId("current-password").fill(temporary);
    await page.getByTestId("new-password").fill("olivia-chose-this-1");
    await page.getByTestId("repeat-password").fill("olivia-chose-this-1");
    await page.getByTestId("change-password").click();
    await page.getByTestId("auth-table").waitFor();
    expect(new URL(page.url()).pathname).toBe("/authentications");

    // the Users page now shows when ops last signed in
    await admin.reload();
    expect(await row.getByTestId("last-sign-in").textContent()).not.toBe("Never");
  });
});
