/**
 * Loads the real storefront widgets for the live preview. They are imported lazily so that the
 * sign-in screen does not wait for them, and a failure leaves the rest of the page working.
 */
export async function loadPreviewWidgets(): Promise<void> {
  // Filled in once `@comptoir/widgets` exports its element modules.
}
