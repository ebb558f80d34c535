// A BackgroundFetchManager for unit tests of the page's side of Background Fetch: it records the
// fetches started and lets a test end them, as Chromium's does. Browser tests use the real one.

/** One registration, as the page sees it. */
export class FakeRegistration extends EventTarget {
  downloaded = 0;
  result: '' | 'success' | 'failure' = '';
  failureReason = '';
  aborted = false;

  constructor(
    readonly id: string,
    readonly requests: string[],
    readonly options: { title?: string; downloadTotal?: number },
    private readonly manager: FakeBackgroundFetchManager,
  ) {
    super();
  }

  get downloadTotal(): number {
    return this.options.downloadTotal ?? 0;
  }

  /** Reports bytes, as a progress event does. */
  progress(bytes: number): void {
    this.downloaded = bytes;
    this.dispatchEvent(new Event('progress'));
  }

  abort(): Promise<boolean> {
    this.aborted = true;
    this.manager.registrations.delete(this.id);
    return Promise.resolve(true);
  }
}

export class FakeBackgroundFetchManager {
  readonly registrations = new Map<string, FakeRegistration>();
  /** Every fetch started, in order, aborted or not. */
  readonly started: FakeRegistration[] = [];

  fetch(id: string, requests: string | string[], options: FakeRegistration['options'] = {}) {
    if (this.registrations.has(id)) return Promise.reject(new TypeError('Duplicate id'));
    const registration = new FakeRegistration(id, [requests].flat(), options, this);
    this.registrations.set(id, registration);
    this.started.push(registration);
    return Promise.resolve(registration);
  }

  get(id: string) {
    return Promise.resolve(this.registrations.get(id));
  }

  getIds() {
    return Promise.resolve([...this.registrations.keys()]);
  }

  /** Ends a fetch the way the browser does once it is done: it is no longer listed. */
  finish(id: string): void {
    this.registrations.delete(id);
  }
}
