// The API serves index.html with a fresh nonce in place of Vite's placeholder (vite.config.ts `html.cspNonce`) and
// allows only styles carrying it (style-src 'self' 'nonce-…'). Mantine injects <style> tags: it gets the nonce from
// getStyleNonce. Its modals and drawers lock scrolling through react-remove-scroll, whose <style> takes the nonce
// from the global `__webpack_nonce__` (get-nonce's convention) — set once at start-up by `shareCspNonce`.
// Browsers hide a nonce from getAttribute once applied; the `nonce` property still has it.
let nonce: string | undefined;

export function cspNonce(): string {
  nonce ??= document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce ?? "";
  return nonce;
}

export function shareCspNonce() {
  const value = cspNonce();
  if (value) (globalThis as { __webpack_nonce__?: string }).__webpack_nonce__ = value;
}
