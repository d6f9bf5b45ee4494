import { expect, oneEvent } from '@open-wc/testing';
import { createOutbox, indexedDbOutboxStore, type OutboxEntry } from '@doorstep/sdk';
import type { DsAreaPicker } from '../area-picker/area-picker.js';
import { FakeApi, TRACKING_CODE } from '../test-support/fake-api.js';
import {
  $,
  VALID,
  check,
  chooseArea,
  choosePhotos,
  cleanSlate,
  fill,
  fillValid,
  goOffline,
  goOnline,
  mount,
  photoFile,
  remount,
  submit,
  text,
  until,
} from '../test-support/request-form-helpers.js';
import type { QueuedReport } from './request-form.js';

const DRAFT = 'doorstep:draft:request-form';

async function outboxEntries(): Promise<OutboxEntry<QueuedReport>[]> {
  return createOutbox<QueuedReport>({ name: 'request-form', send: async () => undefined }).entries();
}

describe('<ds-request-form> offline and drafts', () => {
  beforeEach(cleanSlate);
  afterEach(() => {
    // Whatever a test did, the device is online again for the next one.
    delete (navigator as unknown as { onLine?: boolean }).onLine;
  });

  describe('the outbox', () => {
    it('keeps a report sent offline, shows it waiting across a reload, and delivers it exactly once when back online', async () => {
      const mounted = await mount();
      const { api, form, root } = mounted;
      await fillValid(form);
      goOffline();
      const queuedEvent = oneEvent(form, 'ds-queued');
      await submit(form);
      await until(() => form.state === 'queued', 'not queued');
      const { key } = (await queuedEvent).detail;
      expect(api.creates).to.have.length(0);
      expect(text(root, '[part="queued"]')).to.contain('现在没有网络');
      expect(text(root, '[part="queued"]')).to.contain(VALID.description);
      expect(root.activeElement?.matches('[part="queued"]')).to.equal(true);
      const [entry] = await outboxEntries();
      expect(entry!.key).to.equal(key);
      expect(entry!.payload.input.description).to.equal(VALID.description);

      // A reload while still offline: the report is still waiting, in the same state.
      const reloaded = await remount(mounted, 'queued');
      expect(text(reloaded.root, '[part="queued"]')).to.contain('等待发送');
      expect(api.creates).to.have.length(0);

      goOnline();
      await until(() => reloaded.form.state === 'success', 'not delivered after going online');
      expect(text(reloaded.root, '[part="code"]')).to.equal(TRACKING_CODE);
      expect(api.creates).to.have.length(1);
      expect(api.creates[0]!.headers.get('idempotency-key')).to.equal(key);
      await until(async () => (await outboxEntries()).length === 0, 'the outbox still holds the report');
      expect(localStorage.getItem(DRAFT)).to.equal(null);
    });

    for (const theme of ['default', 'elder'] as const) {
      it(`is accessible while waiting to send (${theme} theme)`, async () => {
        const { form } = await mount({ theme });
        await fillValid(form);
        goOffline();
        await submit(form);
        await until(() => form.state === 'queued');
        await expect(form).to.be.accessible();
      });
    }

    it('sends under the same key after a failed connection, and files once even when the first answer was lost', async () => {
      const { api, form, root } = await mount();
      // The server files it, but the answer never arrives.
      api.createMode = 'lost';
      await fillValid(form);
      await submit(form);
      await until(() => form.state === 'queued', 'a lost answer did not queue the report');
      expect(text(root, '[part="queued"]')).to.contain('暂时连不上服务器');
      expect(api.filed.size).to.equal(1);

      api.createMode = 'network';
      window.dispatchEvent(new Event('online'));
      await until(() => api.creates.length === 2, 'no second attempt');
      await until(() => text(root, '[part="queued"] [role="status"]').includes('已尝试 2 次'), 'attempts not shown');

      api.createMode = 'ok';
      const submitted = oneEvent(form, 'ds-submitted');
      window.dispatchEvent(new Event('online'));
      expect((await submitted).detail.code).to.equal(TRACKING_CODE);
      await until(() => form.state === 'success');
      expect(api.creates).to.have.length(3);
      expect(new Set(api.creates.map((request) => request.headers.get('idempotency-key'))).size).to.equal(1);
      expect(api.filed.size).to.equal(1);
      await until(async () => (await outboxEntries()).length === 0);
    });

    it('"try now" sends a waiting report at once', async () => {
      const { api, form, root } = await mount();
      api.createMode = 'network';
      await fillValid(form);
      await submit(form);
      await until(() => form.state === 'queued');
      api.createMode = 'ok';
      $<HTMLButtonElement>(root, '[part="queued"] [part~="retry-button"]').click();
      await until(() => form.state === 'success', 'try now did not send it');
      expect(api.filed.size).to.equal(1);
    });

    it('brings a queued report the server refuses back to the form, with its errors on the fields', async () => {
      const { api, form, root } = await mount();
      api.createMode = 'network';
      await fillValid(form);
      await submit(form);
      await until(() => form.state === 'queued');
      api.createMode = 'validation';
      window.dispatchEvent(new Event('online'));
      await until(() => form.state === 'ready', 'the refusal did not come back to the form');
      await until(() => root.querySelector('#phone-error'));
      expect(text(root, '#phone-error')).to.contain('该号码已停机');
      expect($<HTMLTextAreaElement>(root, '#description').value).to.equal(VALID.description);
      await until(async () => (await outboxEntries()).length === 0);
    });

    it('says so when the server refuses a queued report without naming a field', async () => {
      const { api, form, root } = await mount();
      api.createMode = 'network';
      await fillValid(form);
      await submit(form);
      await until(() => form.state === 'queued');
      api.createMode = 'validation';
      api.validationFields = {};
      window.dispatchEvent(new Event('online'));
      await until(() => form.state === 'submit-error', 'the refusal was not shown');
      expect(text(root, '[part="alert"]')).to.equal('提交没有成功：Invalid request 重试提交');
      await until(async () => (await outboxEntries()).length === 0);
    });

    it('carries photos not yet uploaded in the outbox, and uploads them before the report', async () => {
      const api = new FakeApi();
      const { form, root } = await mount({ api });
      await fillValid(form);
      api.photoMode = 'network';
      await choosePhotos(form, [await photoFile(1200, 900)]);
      await until(() => root.querySelector('.photo--failed'));
      goOffline();
      await submit(form);
      await until(() => form.state === 'queued');
      const [entry] = await outboxEntries();
      expect(entry!.payload.photos).to.have.length(1);
      expect(entry!.payload.photos[0]!.blob).to.be.instanceOf(Blob);
      expect(text(root, '[part="queued"]')).to.contain('1 张');

      api.photoMode = 'ok';
      goOnline();
      await until(() => form.state === 'success', 'not delivered');
      expect((api.creates[0]!.body as { photoIds: string[] }).photoIds).to.deep.equal(['ph-1']);
      expect(api.uploads.at(-1)!.headers.get('idempotency-key')).to.equal(entry!.payload.photos[0]!.key);
    });
  });

  describe('drafts', () => {
    it('restores everything typed after a reload, and forgets it once sent', async () => {
      const mounted = await mount();
      const { form } = mounted;
      await fill(form, 'category', 'water-leak');
      await chooseArea(form, 'area', ['c-1', 'p-1', 'b-2', 'u-2-1']);
      await check(form, 'q-1');
      await check(form, 'q-2-1');
      await fill(form, 'q-3', '5');
      await fill(form, 'description', '卫生间天花板一直在滴水');
      await fill(form, 'address', '502室');
      await check(form, 'forSomeoneElse');
      await fill(form, 'otherName', '王奶奶');
      await fill(form, 'name', VALID.name);
      await fill(form, 'phone', VALID.phone);
      await check(form, 'consent');

      const reloaded = await remount(mounted);
      const { root } = reloaded;
      expect($<HTMLSelectElement>(root, '#category').value).to.equal('water-leak');
      expect($<HTMLInputElement>(root, '#q-1').checked).to.equal(true);
      expect($<HTMLInputElement>(root, '#q-2-1').checked).to.equal(true);
      expect($<HTMLInputElement>(root, '#q-3').value).to.equal('5');
      expect($<HTMLTextAreaElement>(root, '#description').value).to.equal('卫生间天花板一直在滴水');
      expect($<HTMLInputElement>(root, '#address').value).to.equal('502室');
      expect($<HTMLInputElement>(root, '#forSomeoneElse').checked).to.equal(true);
      expect($<HTMLInputElement>(root, '#otherName').value).to.equal('王奶奶');
      expect($<HTMLInputElement>(root, '#phone').value).to.equal(VALID.phone);
      expect($<HTMLInputElement>(root, '#consent').checked).to.equal(true);
      const picker = $<DsAreaPicker>(root, '#area');
      await until(() => picker.state === 'ready');
      expect(picker.value).to.equal('u-2-1');
      expect(picker.pathText).to.equal('幸福社区 › 阳光小区 › 2号楼 › 1单元');

      await submit(reloaded.form);
      await until(() => reloaded.form.state === 'success', 'the restored draft could not be sent');
      expect(reloaded.api.creates[0]!.body).to.deep.include({ areaId: 'u-2-1', description: '卫生间天花板一直在滴水' });
      expect(localStorage.getItem(DRAFT)).to.equal(null);
      const fresh = await remount(reloaded);
      expect($<HTMLTextAreaElement>(fresh.root, '#description').value).to.equal('');
    });

    it('keeps uploaded photos by reference, and asks again for those that had not finished', async () => {
      const api = new FakeApi();
      const mounted = await mount({ api });
      await choosePhotos(mounted.form, [await photoFile(640, 480, 'done.jpg')]);
      await until(() => mounted.root.querySelector('.photo--uploaded'));
      api.photoMode = 'slow';
      await choosePhotos(mounted.form, [await photoFile(640, 480, 'pending.jpg')]);
      await until(() => mounted.root.querySelector('.photo--uploading'));

      const { root } = await remount(mounted);
      const thumbnails = [...root.querySelectorAll<HTMLImageElement>('[part="thumbnail"]')];
      expect(thumbnails.map((image) => [image.alt, image.getAttribute('src')])).to.deep.equal([
        ['照片 1：done.jpg', 'http://doorstep.test/v1/photos/ph-1'],
      ]);
      expect(text(root, '.photo-problems')).to.contain('有 1 张照片在页面关闭前还没上传完');
      api.release();
    });

    it('resends under the same key after the page died mid-send, so it is never filed twice', async () => {
      const mounted = await mount();
      const { api, form } = mounted;
      api.createMode = 'slow';
      await fillValid(form);
      await submit(form);
      await until(() => api.creates.length === 1);
      const key = api.creates[0]!.headers.get('idempotency-key');
      // The tab dies before the answer; the server filed it anyway.
      const reloaded = await remount(mounted);
      api.createMode = 'ok';
      api.release();
      await submit(reloaded.form);
      await until(
        () => reloaded.form.state === 'success',
        `not sent: ${reloaded.form.state} ${reloaded.root.querySelector('[part="error-summary"]')?.textContent}`,
      );
      expect(api.creates.at(-1)!.headers.get('idempotency-key')).to.equal(key);
      expect(api.filed.size).to.equal(1);
    });
  });
});

describe('the SDK outbox on real IndexedDB', () => {
  afterEach(() => {
    delete (navigator as unknown as { onLine?: boolean }).onLine;
  });

  it('stores entries with their blobs, and a second outbox over the same database sends them once on `online`', async () => {
    const name = `test-${Math.random().toString(36).slice(2)}`;
    const sent: Array<{ text: string; key: string }> = [];
    const make = () =>
      createOutbox<{ note: Blob }, string>({
        name,
        send: async (payload, { idempotencyKey }) => {
          sent.push({ text: await payload.note.text(), key: idempotencyKey });
          return 'ok';
        },
      });
    goOffline();
    const first = make();
    first.start();
    await first.add({ note: new Blob(['楼道灯不亮']) }, { key: 'k-1', tag: 'test' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent).to.deep.equal([]);
    first.stop();

    // A new page: a new outbox over the same IndexedDB database.
    const second = make();
    const delivered = new Promise((resolve) => second.subscribe((event) => event.type === 'delivered' && resolve(event.entry)));
    second.start();
    goOnline();
    await delivered;
    second.stop();
    expect(sent).to.deep.equal([{ text: '楼道灯不亮', key: 'k-1' }]);
    const [entry] = await second.entries();
    expect(entry!.status).to.equal('delivered');
    expect(entry!.result).to.equal('ok');
    await second.remove('k-1');
    expect(await indexedDbOutboxStore(name).getAll()).to.deep.equal([]);
  });
});
