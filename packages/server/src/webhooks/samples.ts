import type { WebhookEvent, WebhookEventType } from '@comptoir/sdk';

/**
 * A sample event of each type, for the config page's "send a test event": plausible data marked
 * `test: true`, about no real shopper.
 */
export function sampleEvent(type: WebhookEventType, shopId: string, now: Date): WebhookEvent {
  const at = now.toISOString();
  const base = { timestamp: at, test: true } as const;
  switch (type) {
    case 'cart.captured':
      return {
        ...base,
        type,
        data: {
          shopId,
          cartId: 'crt_test',
          platformCartId: null,
          email: 'shopper@example.com',
          consent: { granted: true, text: 'Email me my cart', at },
          locale: 'en',
          currency: 'EUR',
          subtotal: 4200,
          items: [{ id: 'sample', title: 'Sample product', quantity: 2, unitPrice: 2100 }],
          capturedAt: at,
        },
      };
    case 'cart.recovered':
      return {
        ...base,
        type,
        data: {
          shopId,
          cartId: 'crt_test',
          orderId: '1001',
          email: 'shopper@example.com',
          total: 4200,
          currency: 'EUR',
          verified: true,
          recoveredAt: at,
        },
      };
    case 'order.attributed':
      return {
        ...base,
        type,
        data: {
          shopId,
          orderId: '1001',
          source: 'backend',
          cartId: 'crt_test',
          matchedBy: 'cart',
          recovered: true,
          total: 4200,
          currency: 'EUR',
          attributedAt: at,
        },
      };
    case 'shopper.unsubscribed':
      return {
        ...base,
        type,
        data: {
          shopId,
          email: 'shopper@example.com',
          emailHash: '0'.repeat(64),
          unsubscribedAt: at,
        },
      };
    case 'shopper.erased':
      return {
        ...base,
        type,
        data: { shopId, email: 'shopper@example.com', emailHash: '0'.repeat(64), erasedAt: at },
      };
    case 'absence.subscribed':
      return {
        ...base,
        type,
        data: {
          shopId,
          subscriptionId: 'abs_test',
          absenceId: 'summer',
          email: 'shopper@example.com',
          consentText: 'Tell me when you are back',
          locale: 'en',
          sendAt: at,
          subscribedAt: at,
        },
      };
  }
}
