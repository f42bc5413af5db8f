import type { ShopConfig } from '@comptoir/sdk';
import type { StoredCart } from '../storage/cart.store.js';
import type { SequenceArm } from '../storage/recovery.table.js';
import { inHoldout, outsideQuietHours } from './timing.js';

/** What the worker does with one claimed job, decided without any I/O. */
export type Verdict =
  | { action: 'cancel'; reason: string }
  | { action: 'defer'; until: Date; reason: string }
  | { action: 'send' };

/** What the stop conditions read of a cart. */
export type CartFacts = Pick<StoredCart, 'status' | 'email' | 'emailHash' | 'consent' | 'items'>;

/**
 * Whether the cart's shopper may be emailed: an email, and a ticked consent box (`explicit`), or
 * at least no refused box (`soft`: the shopper never saw one and the merchant's law allows it).
 */
export function hasConsent(
  cart: Pick<CartFacts, 'email' | 'consent'>,
  mode: ShopConfig['recovery']['consentMode'],
): boolean {
  if (!cart.email) return false;
  if (cart.consent?.granted) return true;
  return mode === 'soft' && cart.consent === null;
}

/** Why a captured cart should not (or no longer) be emailed, or `undefined` when it may be. */
export function stopReason(cart: CartFacts, config: ShopConfig): string | undefined {
  if (!config.recovery.enabled) return 'recovery-disabled';
  if (cart.status !== 'open') return 'order-completed';
  if (!cart.email || !cart.emailHash) return 'no-email';
  if (!hasConsent(cart, config.recovery.consentMode)) return 'consent-withdrawn';
  if (cart.items.length === 0) return 'cart-emptied';
  return undefined;
}

/**
 * Which arm of the experiment a newly eligible cart joins: `duplicate` when another cart of the
 * address still has emails waiting (one sequence per address), else `holdout` for the configured
 * share of carts (a stable hash of the cart id), else `email`.
 */
export function chooseArm(input: {
  cartId: string;
  holdoutPercent: number;
  addressHasPendingSequence: boolean;
}): SequenceArm {
  if (input.addressHasPendingSequence) return 'duplicate';
  return inHoldout(input.cartId, input.holdoutPercent) ? 'holdout' : 'email';
}

/** Quiet hours and the frequency cap, shared by both kinds of email. */
function whenAllowed(
  config: ShopConfig,
  now: Date,
  cap?: { lastSentAt: number | undefined; frequencyCapMs: number },
): Verdict {
  const allowed = outsideQuietHours(now, config.recovery.quietHours, config.calendar.timeZone);
  if (allowed.getTime() > now.getTime())
    return { action: 'defer', until: allowed, reason: 'quiet-hours' };
  if (cap?.lastSentAt !== undefined && now.getTime() - cap.lastSentAt < cap.frequencyCapMs) {
    return {
      action: 'defer',
      until: new Date(cap.lastSentAt + cap.frequencyCapMs),
      reason: 'frequency-cap',
    };
  }
  return { action: 'send' };
}

/** What {@link decideRecoveryEmail} looks at: the facts of one batch, read before it. */
export interface RecoveryEmailFacts {
  /** `undefined`: the shop was deleted. */
  config: ShopConfig | undefined;
  /** `undefined`: the cart was erased. */
  cart: StoredCart | undefined;
  /** The address (the cart's, or the job's own) is on the shop's suppression list. */
  suppressed: boolean;
  /** When the address last got a recovery email from the shop (ms), if within the cap. */
  lastSentAt: number | undefined;
  frequencyCapMs: number;
  now: Date;
}

/**
 * Whether a recovery step goes now: stopped (shop deleted, cart erased, order completed, no email,
 * consent withdrawn, cart emptied, recovery off, unsubscribed), deferred (quiet hours, the
 * frequency cap), or sent. Pure: the worker reads the facts, this decides, the claim re-checks
 * the stop conditions in SQL at the last moment.
 */
export function decideRecoveryEmail(facts: RecoveryEmailFacts): Verdict {
  if (!facts.config) return { action: 'cancel', reason: 'shop-deleted' };
  if (!facts.cart) return { action: 'cancel', reason: 'cart-erased' };
  const reason = stopReason(facts.cart, facts.config);
  if (reason) return { action: 'cancel', reason };
  if (facts.suppressed) return { action: 'cancel', reason: 'unsubscribed' };
  return whenAllowed(facts.config, facts.now, {
    lastSentAt: facts.lastSentAt,
    frequencyCapMs: facts.frequencyCapMs,
  });
}

/** What {@link decideAbsenceEmail} looks at. */
export interface AbsenceEmailFacts {
  config: ShopConfig | undefined;
  /** The subscription still exists (not erased). */
  subscribed: boolean;
  suppressed: boolean;
  /** When the absence now ends for this email (the config may have moved it); `undefined`: deleted. */
  sendAt: Date | undefined;
  now: Date;
}

/**
 * Whether a "we're back" email goes now: stopped (shop deleted, subscription erased,
 * unsubscribed), deferred (the absence was extended: wait for its new end; quiet hours), or sent.
 * A deleted absence sends now: the shop is open. Not capped.
 */
export function decideAbsenceEmail(facts: AbsenceEmailFacts): Verdict {
  if (!facts.config) return { action: 'cancel', reason: 'shop-deleted' };
  if (!facts.subscribed) return { action: 'cancel', reason: 'subscription-erased' };
  if (facts.suppressed) return { action: 'cancel', reason: 'unsubscribed' };
  if (facts.sendAt && facts.sendAt.getTime() > facts.now.getTime())
    return { action: 'defer', until: facts.sendAt, reason: 'absence-extended' };
  return whenAllowed(facts.config, facts.now);
}
