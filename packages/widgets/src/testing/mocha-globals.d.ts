// The few mocha globals the browser tests use (@types/mocha is not installed).
type MochaDone = () => void;
type MochaFn = (this: { timeout(ms: number): void }) => void | Promise<void>;
declare function describe(title: string, body: () => void): void;
declare const it: {
  (title: string, body: MochaFn): void;
  skip(title: string, body: MochaFn): void;
};
declare function beforeEach(body: MochaFn): void;
declare function afterEach(body: MochaFn): void;
declare function before(body: MochaFn): void;
declare function after(body: MochaFn): void;
