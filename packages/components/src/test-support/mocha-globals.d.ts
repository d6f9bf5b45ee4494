// The mocha globals web-test-runner provides, typed just enough for our tests (@types/mocha is not a dependency).
type MochaDone = (error?: unknown) => void;
type MochaCallback = (this: unknown, done: MochaDone) => void | Promise<unknown>;
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: MochaCallback): void;
declare function beforeEach(body: MochaCallback): void;
declare function afterEach(body: MochaCallback): void;
