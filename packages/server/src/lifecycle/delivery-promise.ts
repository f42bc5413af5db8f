import type { ShopConfig } from '@comptoir/sdk';
import { absenceStatus, estimateDelivery, nextDispatch } from '@comptoir/sdk/calendar';
import { derivePublishedConfig } from '../published-config/derive.js';

/** What the shop promises for one order, in civil dates (`YYYY-MM-DD`, shop time). */
export interface DeliveryPromise {
  /** The day the parcel leaves. */
  dispatchDate: string;
  /** The delivery window with the order's method; absent when the shop has no shipping method. */
  delivery?: { earliest: string; latest: string; methodName: string };
  /** The last day of the absence the order was placed during (or just before), if any. */
  awayUntil?: string;
}

/**
 * The promise of an order placed at `orderedAt`: `nextDispatch`/`estimateDelivery` of the sdk on
 * the shop's published calendar (public holidays resolved) as it stood then, with the order's
 * shipping method (else the shop's first). When the shop is away at that instant, or the order's
 * dispatch falls after an absence that had begun, the absence's last day is given so the email
 * can say so plainly.
 */
export function deliveryPromise(
  config: ShopConfig,
  methodId: string | null | undefined,
  orderedAt: Date,
): DeliveryPromise {
  const { calendar } = derivePublishedConfig(
    { id: 'promise', configVersion: 0 },
    config,
    orderedAt,
  );
  const method =
    calendar.methods.find((candidate) => candidate.id === methodId) ?? calendar.methods[0];
  const status = absenceStatus(calendar, orderedAt);
  const awayUntil = status.state === 'active' ? { awayUntil: status.absence.end } : {};
  if (!method)
    return { dispatchDate: nextDispatch(calendar, orderedAt).dispatchDate, ...awayUntil };
  const estimate = estimateDelivery(calendar, method.id, orderedAt);
  return {
    dispatchDate: estimate.dispatchDate,
    delivery: { earliest: estimate.earliest, latest: estimate.latest, methodName: method.name },
    ...awayUntil,
  };
}
