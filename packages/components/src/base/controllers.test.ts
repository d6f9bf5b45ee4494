import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { DraftController } from './draft-controller.js';
import { PollController } from './poll-controller.js';

class DraftHost extends LitElement {
  readonly draft = new DraftController<{ text: string }>(this, { key: 'test:draft', debounceMs: 20 });
}
customElements.define('test-draft-host', DraftHost);

class PollHost extends LitElement {
  readonly times: number[] = [];
  fail = false;
  readonly poller = new PollController(this, {
    intervalMs: 40,
    maxIntervalMs: 320,
    poll: async () => {
      this.times.push(performance.now());
      if (this.fail) throw new Error('offline');
    },
  });
}
customElements.define('test-poll-host', PollHost);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('DraftController', () => {
  beforeEach(() => localStorage.clear());

  it('saves after a pause and restores in a new host (a reload)', async () => {
    const first = await fixture<DraftHost>(html`<test-draft-host></test-draft-host>`);
    first.draft.save({ text: 'a' });
    first.draft.save({ text: 'ab' });
    expect(localStorage.getItem('doorstep:draft:test:draft')).to.equal(null);
    await sleep(60);
    first.remove();
    const second = await fixture<DraftHost>(html`<test-draft-host></test-draft-host>`);
    expect(second.draft.restore()).to.deep.equal({ text: 'ab' });
  });

  it('writes a pending save at once when the widget leaves the page or the page is hidden', async () => {
    const host = await fixture<DraftHost>(html`<test-draft-host></test-draft-host>`);
    host.draft.save({ text: 'typed just before closing' });
    dispatchEvent(new Event('pagehide'));
    expect(JSON.parse(localStorage.getItem('doorstep:draft:test:draft')!).value).to.deep.equal({ text: 'typed just before closing' });
    host.draft.save({ text: 'then removed' });
    host.remove();
    expect(JSON.parse(localStorage.getItem('doorstep:draft:test:draft')!).value).to.deep.equal({ text: 'then removed' });
  });

  it('clear forgets the draft and cancels a pending save', async () => {
    const host = await fixture<DraftHost>(html`<test-draft-host></test-draft-host>`);
    host.draft.save({ text: 'sent' });
    host.draft.flush();
    host.draft.save({ text: 'pending' });
    host.draft.clear();
    await sleep(60);
    expect(host.draft.restore()).to.equal(undefined);
  });

  it('ignores drafts of another version, expired ones and garbage', async () => {
    const host = await fixture<DraftHost>(html`<test-draft-host></test-draft-host>`);
    const key = 'doorstep:draft:test:draft';
    localStorage.setItem(key, JSON.stringify({ version: 2, savedAt: Date.now(), value: { text: 'new shape' } }));
    expect(host.draft.restore()).to.equal(undefined);
    localStorage.setItem(key, JSON.stringify({ version: 1, savedAt: Date.now() - 31 * 24 * 3600 * 1000, value: { text: 'old' } }));
    expect(host.draft.restore()).to.equal(undefined);
    expect(localStorage.getItem(key)).to.equal(null);
    localStorage.setItem(key, '{not json');
    expect(host.draft.restore()).to.equal(undefined);
  });
});

describe('PollController', () => {
  const gaps = (times: number[]) => times.slice(1).map((time, index) => time - times[index]!);

  it('polls on its interval once started, and stops', async () => {
    const host = await fixture<PollHost>(html`<test-poll-host></test-poll-host>`);
    await sleep(100);
    expect(host.times, 'nothing before start').to.have.length(0);
    host.poller.start();
    await waitUntil(() => host.times.length >= 3, 'three polls');
    host.poller.stop();
    const stopped = host.times.length;
    await sleep(120);
    expect(host.times).to.have.length(stopped);
  });

  it('doubles the wait after each failure, and returns to the interval after a success', async () => {
    const host = await fixture<PollHost>(html`<test-poll-host></test-poll-host>`);
    host.fail = true;
    host.poller.start();
    await waitUntil(() => host.times.length >= 4, 'four failed polls', { timeout: 5000 });
    const failing = gaps(host.times);
    // Waits of 80, 160, 320 ms after the first, second and third failure (timers only run late, never early).
    expect(failing[0]).to.be.at.least(75);
    expect(failing[1]).to.be.at.least(155);
    expect(failing[2]).to.be.at.least(315);
    host.fail = false;
    const before = host.times.length;
    await waitUntil(() => host.times.length >= before + 3, 'polls after recovery', { timeout: 5000 });
    host.poller.stop();
    const recovered = gaps(host.times.slice(before));
    expect(recovered[1], 'back on the 40 ms interval').to.be.below(failing[2]!);
  });

  it('stops when the host leaves the page', async () => {
    const host = await fixture<PollHost>(html`<test-poll-host></test-poll-host>`);
    host.poller.start();
    host.remove();
    await sleep(120);
    expect(host.times).to.have.length(0);
  });
});
