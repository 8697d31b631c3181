import { launchBrowser, startProduct } from "./harness.ts";
import { signIn } from "./session.ts";

const product = await startProduct();
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ baseURL: product.url, viewport: { width: 1280, height: 800 } });
  const admin = await context.newPage();
  await signIn(admin, product.url, "admin@demo.test", "/users");
  await admin.locator('[data-testid="user-row"][data-email="support@demo.test"]').getByTestId("user-actions").click();
  await admin.getByTestId("reset-password").click();
  await admin.getByTestId("confirm-resetPassword").getByTestId("confirm").click();
  await admin.getByTestId("temporary-password").waitFor();
  await admin.screenshot({ path: "/tmp/shot-temp.png" });
  const temp = (await admin.getByTestId("temporary-password").getAttribute("data-value")) ?? "";
  const other = await (await browser.newContext({ baseURL: product.url, viewport: { width: 1280, height: 800 } })).newPage();
  await other.goto("/login");
  await other.getByTestId("login-email").fill("support@demo.test");
  await other.getByTestId("login-password").fill(temp);
  await other.getByTestId("login-submit").click();
  await other.getByTestId("sign-in-step-change-password").waitFor();
  await other.screenshot({ path: "/tmp/shot-step.png" });
  // keyboard: tab through the step form
  await other.keyboard.type(temp);
  await other.keyboard.press("Tab");
  await other.keyboard.type("keyboard-password-1");
  await other.keyboard.press("Tab");
  await other.keyboard.type("keyboard-password-1");
  await other.keyboard.press("Enter");
  await other.getByTestId("auth-table").waitFor({ timeout: 15000 });
  console.log("keyboard step ok");
} finally {
  await browser.close();
  await product.stop();
}
