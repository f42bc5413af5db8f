// `@comptoir/sdk/webhooks`: for the merchant's server that receives event webhooks. Its own
// subpath, so a browser bundle of `@comptoir/sdk` never carries it.
export {
  isWebhookSignatureError,
  verifyWebhook,
  WebhookSignatureError,
  type WebhookHeaders,
} from './verify.js';
export {
  WebhookEvent,
  WebhookEventType,
  WEBHOOK_EVENT_TYPES,
  type WebhookEventData,
} from '../schemas/webhook-events.js';
