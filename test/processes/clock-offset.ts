// Preloaded (`node --import`) into a real `comptoir serve` by the multi-process test: the process's
// clock runs CLOCK_OFFSET_MS ahead (negative: behind), as on a machine whose clock is off. With
// the API machines 61 s behind the workers', a recovery step 60 s after capture is due at once, so
// the workers' sends race the orders while the load runs. Nothing else changes in the process.
const offsetMs = Number(process.env.CLOCK_OFFSET_MS ?? 0);

if (offsetMs !== 0) {
  const RealDate = Date;
  class SkewedDate extends RealDate {
    constructor(...args: ConstructorParameters<DateConstructor> | []) {
      if (args.length === 0) super(RealDate.now() + offsetMs);
      else super(...(args as ConstructorParameters<DateConstructor>));
    }

    static override now(): number {
      return RealDate.now() + offsetMs;
    }
  }
  globalThis.Date = SkewedDate as DateConstructor;
}
