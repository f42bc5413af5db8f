/**
 * React wrappers for the six elements (`@lit/react`): props for properties, `on*` props for
 * events. `import { FreeShipping } from '@comptoir/widgets/react'`.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import {
  ComptoirAbsenceBanner,
  type AbsenceDetail,
} from './components/absence-banner/absence-banner.js';
import {
  ComptoirCartCapture,
  type CartCapturedDetail,
} from './components/cart-capture/cart-capture.js';
import {
  ComptoirFaq,
  type FaqOpenedDetail,
  type FaqSearchEmptyDetail,
} from './components/faq/faq.js';
import {
  ComptoirFreeShipping,
  type ThresholdReachedDetail,
} from './components/free-shipping/free-shipping.js';
import {
  ComptoirAnnouncementBar,
  type AnnouncementDetail,
} from './components/announcement-bar/announcement-bar.js';
import { ComptoirHolidayDeadline } from './components/holiday-deadline/holiday-deadline.js';
import { ComptoirShippingCutoff } from './components/shipping-cutoff/shipping-cutoff.js';

/** `<comptoir-absence-banner>` for React. */
export const AbsenceBanner = createComponent({
  react: React,
  tagName: 'comptoir-absence-banner',
  elementClass: ComptoirAbsenceBanner,
  events: {
    onDismiss: 'comptoir-absence-dismissed' as EventName<CustomEvent<AbsenceDetail>>,
    onSubscribe: 'comptoir-absence-subscribed' as EventName<CustomEvent<AbsenceDetail>>,
  },
});

/** `<comptoir-free-shipping>` for React. */
export const FreeShipping = createComponent({
  react: React,
  tagName: 'comptoir-free-shipping',
  elementClass: ComptoirFreeShipping,
  events: {
    onThresholdReached: 'comptoir-threshold-reached' as EventName<
      CustomEvent<ThresholdReachedDetail>
    >,
  },
});

/** `<comptoir-shipping-cutoff>` for React. */
export const ShippingCutoff = createComponent({
  react: React,
  tagName: 'comptoir-shipping-cutoff',
  elementClass: ComptoirShippingCutoff,
});

/** `<comptoir-holiday-deadline>` for React. */
export const HolidayDeadline = createComponent({
  react: React,
  tagName: 'comptoir-holiday-deadline',
  elementClass: ComptoirHolidayDeadline,
});

/** `<comptoir-faq>` for React. */
export const Faq = createComponent({
  react: React,
  tagName: 'comptoir-faq',
  elementClass: ComptoirFaq,
  events: {
    onFaqOpened: 'comptoir-faq-opened' as EventName<CustomEvent<FaqOpenedDetail>>,
    onFaqSearchEmpty: 'comptoir-faq-search-empty' as EventName<CustomEvent<FaqSearchEmptyDetail>>,
  },
});

/** `<comptoir-cart-capture>` for React. */
export const CartCapture = createComponent({
  react: React,
  tagName: 'comptoir-cart-capture',
  elementClass: ComptoirCartCapture,
  events: {
    onCaptured: 'comptoir-cart-captured' as EventName<CustomEvent<CartCapturedDetail>>,
    onDismiss: 'comptoir-capture-dismissed' as EventName<CustomEvent<null>>,
  },
});

/** `<comptoir-announcement-bar>` for React. */
export const AnnouncementBar = createComponent({
  react: React,
  tagName: 'comptoir-announcement-bar',
  elementClass: ComptoirAnnouncementBar,
  events: {
    onDismiss: 'comptoir-announcement-dismissed' as EventName<CustomEvent<AnnouncementDetail>>,
  },
});
