import { describe, expectTypeOf, it } from 'vitest';
import type * as Calendar from '../calendar/index.js';
import type { Absence, FreeShippingRule, ShippingMethod, ShopCalendar } from './index.js';

// The zod schemas and the calendar's plain interfaces describe the same documents: a parsed
// config must be usable by the calendar functions as it is.
describe('schemas match the calendar contract', () => {
  it('parsed documents are assignable to the calendar interfaces', () => {
    expectTypeOf<ShopCalendar>().toExtend<Calendar.ShopCalendar>();
    expectTypeOf<Absence>().toExtend<Calendar.Absence>();
    expectTypeOf<ShippingMethod>().toExtend<Calendar.ShippingMethod>();
    expectTypeOf<FreeShippingRule>().toExtend<Calendar.FreeShippingRule>();
  });
});
