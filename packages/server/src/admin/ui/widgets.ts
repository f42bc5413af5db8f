import type { Cart } from '@comptoir/sdk/schemas';

/** What the preview needs from the widgets once they are loaded. */
export interface PreviewWidgets {
  setCart(cart: Cart | null): void;
}

declare global {
  interface Window {
    comptoirPreview?: PreviewWidgets;
  }
}

/**
 * Loads the real storefront widgets (`@comptoir/widgets`, registered on import) for the live
 * preview. They load lazily so the sign-in screen does not wait for them; a failure leaves the rest
 * of the page working and the preview empty.
 */
export async function loadPreviewWidgets(): Promise<void> {
  try {
    const widgets = await import('@comptoir/widgets');
    window.comptoirPreview = { setCart: widgets.setCart };
    document.dispatchEvent(new CustomEvent('comptoir-preview-ready'));
  } catch (error) {
    console.warn('[comptoir-admin] the widgets could not be loaded for the preview', error);
  }
}
