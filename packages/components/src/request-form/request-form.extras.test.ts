import { expect, oneEvent } from '@open-wc/testing';
import { FakeApi, OPEN_REQUEST, TRACKING_CODE } from '../test-support/fake-api.js';
import {
  $,
  chooseArea,
  choosePhotos,
  cleanSlate,
  fill,
  fillValid,
  mount,
  photoFile,
  submit,
  text,
  until,
} from '../test-support/request-form-helpers.js';

/** Replaces `navigator.geolocation` for one test. */
function fakeGeolocation(answer: (success: PositionCallback, failure: PositionErrorCallback) => void): () => void {
  Object.defineProperty(navigator, 'geolocation', {
    configurable: true,
    value: { getCurrentPosition: answer, watchPosition: () => 0, clearWatch: () => undefined },
  });
  return () => delete (navigator as unknown as { geolocation?: unknown }).geolocation;
}

function positionError(code: 1 | 2 | 3): GeolocationPositionError {
  return { code, message: 'no', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 } as GeolocationPositionError;
}

describe('<ds-request-form> duplicates, location and the outcome', () => {
  beforeEach(cleanSlate);

  describe('duplicates', () => {
    for (const theme of ['default', 'elder'] as const) {
      it(`shows open reports of the same kind in the same building (${theme} theme)`, async () => {
        const api = new FakeApi();
        api.openRequests = [{ ...OPEN_REQUEST }];
        const { form, root } = await mount({ api, theme });
        await fill(form, 'category', 'public-light');
        await chooseArea(form, 'area', ['c-1', 'p-1']);
        expect(api.lookups).to.have.length(0);
        await chooseArea(form, 'area', ['c-1', 'p-1', 'b-2', 'u-2-1']);
        await until(() => root.querySelector('[part="duplicates"]'), 'no duplicates shown');
        // A unit's building is what is looked up.
        expect(api.lookups.at(-1)!.search!.toString()).to.equal('category=public-light&area=b-2&status=open');
        expect(text(root, '[part="duplicates"]')).to.contain('2号楼 已有 1 条“公共照明”问题正在处理');
        expect(text(root, '[part="duplicate"]')).to.contain(OPEN_REQUEST.description);
        expect(text(root, '[part="duplicate"]')).to.contain('已受理');
        expect(text(root, '[part="duplicate"]')).to.contain('2 位居民反映');
        expect(text(root, '.announcement')).to.equal('这里已经有 1 条同类问题正在处理');
        await expect(form).to.be.accessible();

        await chooseArea(form, 'area', ['c-1', 'p-1', 'b-1']);
        await until(() => !root.querySelector('[part="duplicates"]'), 'the list stayed for another building');
      });
    }

    it('adds the resident’s support instead of a new report, once, and shows the code and count', async () => {
      const api = new FakeApi();
      api.openRequests = [{ ...OPEN_REQUEST }];
      api.supportMode = 'network';
      const { form, root } = await mount({ api });
      await fillValid(form);
      await until(() => root.querySelector('[part~="support-button"]'));
      $<HTMLButtonElement>(root, '[part~="support-button"]').click();
      await until(() => root.querySelector('[part="duplicate"] [role="alert"]'), 'no error for the failed support');
      expect(text(root, '[part="duplicate"] [role="alert"]')).to.contain('网络连接中断');

      api.supportMode = 'ok';
      const supported = oneEvent(form, 'ds-supported');
      $<HTMLButtonElement>(root, '[part~="support-button"]').click();
      expect((await supported).detail).to.deep.equal({ code: OPEN_REQUEST.code, supportCount: 3 });
      await until(() => form.state === 'supported');
      const keys = api.supportPosts.map((post) => post.headers.get('idempotency-key'));
      expect(keys).to.have.length(2);
      expect(keys[1]).to.equal(keys[0]);
      expect(api.creates).to.have.length(0);
      expect(text(root, '[part="success"]')).to.contain('已加上您的支持');
      expect(text(root, '[part="success"]')).to.contain('现在共有 3 位居民反映了这个问题');
      expect(text(root, '[part="success"]')).to.contain('目前状态：已受理');
      expect(text(root, '[part="code"]')).to.equal(OPEN_REQUEST.code);
      expect(root.activeElement?.matches('[part="success"]')).to.equal(true);
      expect(localStorage.getItem('doorstep:draft:request-form')).to.equal(null);
      await expect(form).to.be.accessible();
    });
  });

  describe('use my location', () => {
    it('adds the position, rounded on screen and exact in the report, and can take it away', async () => {
      const restore = fakeGeolocation((success) =>
        success({ coords: { latitude: 39.904211, longitude: 116.407395, accuracy: 31.6 } } as GeolocationPosition),
      );
      try {
        const { api, form, root } = await mount();
        await fillValid(form);
        expect(text(root, '#geo-status')).to.contain('可选：附上手机定位');
        $<HTMLButtonElement>(root, '#locate').click();
        await form.updateComplete;
        expect(text(root, '#geo-status')).to.equal('已附上位置：纬度 39.9042，经度 116.4074（误差约 32 米）');
        await expect(form).to.be.accessible();
        await submit(form);
        await until(() => form.state === 'success');
        expect((api.creates[0]!.body as { location: unknown }).location).to.deep.equal({ latitude: 39.904211, longitude: 116.407395 });
      } finally {
        restore();
      }
    });

    it('can remove the position again', async () => {
      const restore = fakeGeolocation((success) => success({ coords: { latitude: 30, longitude: 120, accuracy: 5 } } as GeolocationPosition));
      try {
        const { api, form, root } = await mount();
        await fillValid(form);
        $<HTMLButtonElement>(root, '#locate').click();
        await form.updateComplete;
        $<HTMLButtonElement>(root, '#location').click();
        await form.updateComplete;
        expect(root.activeElement?.id).to.equal('locate');
        await submit(form);
        await until(() => form.state === 'success');
        expect(api.creates[0]!.body).not.to.have.property('location');
      } finally {
        restore();
      }
    });

    const failures = [
      [1, '没有获得定位权限'],
      [2, '这台设备现在无法定位'],
      [3, '定位时间太长了'],
    ] as const;
    for (const [code, message] of failures) {
      it(`says why there is no position (error ${code}) and still sends the report`, async () => {
        let answer: ((error: GeolocationPositionError) => void) | undefined;
        const restore = fakeGeolocation((_success, failure) => (answer = failure!));
        try {
          const { api, form, root } = await mount();
          await fillValid(form);
          $<HTMLButtonElement>(root, '#locate').click();
          await form.updateComplete;
          expect(text(root, '#geo-status')).to.contain('正在获取位置');
          expect($(root, '#locate').getAttribute('aria-disabled')).to.equal('true');
          answer!(positionError(code));
          await form.updateComplete;
          expect(text(root, '#geo-status')).to.contain(message);
          expect(text(root, '#locate')).to.equal('再试一次定位');
          await expect(form).to.be.accessible();
          await submit(form);
          await until(() => form.state === 'success');
          expect(api.creates[0]!.body).not.to.have.property('location');
        } finally {
          restore();
        }
      });
    }

    it('says so where the browser has no geolocation at all', async () => {
      Object.defineProperty(navigator, 'geolocation', { configurable: true, value: undefined });
      try {
        const { form, root } = await mount({ locale: 'en' });
        $<HTMLButtonElement>(root, '#locate').click();
        await form.updateComplete;
        expect(text(root, '#geo-status')).to.equal('Your location is not available on this device. You can still send the report without it.');
      } finally {
        delete (navigator as unknown as { geolocation?: unknown }).geolocation;
      }
    });
  });

  describe('success', () => {
    async function sent(attributes: Record<string, string> = {}) {
      const mounted = await mount({ attributes });
      await fillValid(mounted.form);
      await submit(mounted.form);
      await until(() => mounted.form.state === 'success');
      return mounted;
    }

    it('copies the tracking code and says so', async () => {
      const copied: string[] = [];
      const clipboard = navigator.clipboard;
      Object.defineProperty(clipboard, 'writeText', { configurable: true, value: async (value: string) => void copied.push(value) });
      try {
        const { form, root } = await sent();
        $<HTMLButtonElement>(root, '[part~="copy-button"]').click();
        await until(() => text(root, '.code-row + [aria-live]') === '已复制查询编号', 'no "copied" announcement');
        expect(copied).to.deep.equal([TRACKING_CODE]);
        await expect(form).to.be.accessible();
      } finally {
        delete (clipboard as unknown as { writeText?: unknown }).writeText;
      }
    });

    it('falls back to the selection when the Clipboard API refuses, and says when copying failed', async () => {
      const { root } = await sent();
      const clipboard = navigator.clipboard;
      Object.defineProperty(clipboard, 'writeText', { configurable: true, value: () => Promise.reject(new Error('denied')) });
      const realExec = document.execCommand;
      let copied = '';
      let works = true;
      document.execCommand = ((command: string) => {
        // What the form selected for copying: a scratch field holding the code.
        const scratch = root.querySelector<HTMLTextAreaElement>('textarea[readonly]');
        copied = `${command}:${scratch?.value.slice(scratch.selectionStart, scratch.selectionEnd) ?? ''}`;
        return works;
      }) as typeof document.execCommand;
      try {
        const live = () => text(root, '.code-row + [aria-live]');
        $<HTMLButtonElement>(root, '[part~="copy-button"]').click();
        await until(() => live() !== '');
        expect(live()).to.equal('已复制查询编号');
        expect(copied).to.equal(`copy:${TRACKING_CODE}`);
        expect(root.querySelector('textarea[readonly]')).to.equal(null);
        works = false;
        $<HTMLButtonElement>(root, '[part~="copy-button"]').click();
        await until(() => live().startsWith('没能复制'), 'no failure message');
      } finally {
        document.execCommand = realExec;
        delete (clipboard as unknown as { writeText?: unknown }).writeText;
      }
    });

    it('links to the portal’s status page from the status-href template', async () => {
      const { root } = await sent({ 'status-href': '/status?code={code}' });
      const link = $<HTMLAnchorElement>(root, 'a[part="status-link"]');
      expect(link.getAttribute('href')).to.equal(`/status?code=${TRACKING_CODE}`);
      expect(link.textContent!.trim()).to.equal('查看处理进度');
    });

    it('opens <ds-request-status> in place when there is no status page', async () => {
      const { form, root } = await sent();
      const toggle = $<HTMLButtonElement>(root, 'button[part~="status-link"]');
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      toggle.click();
      await form.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      const status = $(root, '#status-view ds-request-status');
      expect(status.getAttribute('code')).to.equal(TRACKING_CODE);
      expect(text(root, 'button[part~="status-link"]')).to.equal('收起处理进度');
    });
  });
});

describe('<ds-request-form> in the elder theme, the states not covered above', () => {
  beforeEach(cleanSlate);

  it('is accessible while loading and after a load failure', async () => {
    const slow = new FakeApi();
    slow.listDelayMs = 60_000;
    const loading = await mount({ api: slow, theme: 'elder', waitFor: 'loading' });
    await expect(loading.form).to.be.accessible();
    const failing = new FakeApi();
    failing.listFailure = 500;
    const failed = await mount({ api: failing, theme: 'elder', waitFor: 'load-error' });
    await expect(failed.form).to.be.accessible();
  });

  it('is accessible with a photo uploading, a failed one, and problems listed', async () => {
    const api = new FakeApi();
    api.photoMode = 'slow';
    const { form, root } = await mount({ api, theme: 'elder' });
    await choosePhotos(form, [await photoFile(800, 600, 'a.jpg'), new File(['x'], 'notes.txt', { type: 'text/plain' })]);
    await until(() => root.querySelector('.photo--uploading') && root.querySelector('.photo-problems'));
    await expect(form).to.be.accessible();
    api.photoMode = 'network';
    await choosePhotos(form, [await photoFile(800, 600, 'b.jpg')]);
    await until(() => root.querySelector('.photo--failed'));
    expect($(root, '.photo--failed [part~="retry-button"]').getBoundingClientRect().height).to.be.at.least(60);
    await expect(form).to.be.accessible();
    api.release();
  });

  it('is accessible with a position added, and after supporting an open report', async () => {
    const restore = fakeGeolocation((success) => success({ coords: { latitude: 39.9, longitude: 116.4, accuracy: 20 } } as GeolocationPosition));
    try {
      const api = new FakeApi();
      api.openRequests = [{ ...OPEN_REQUEST }];
      const { form, root } = await mount({ api, theme: 'elder' });
      await fillValid(form);
      $<HTMLButtonElement>(root, '#locate').click();
      await form.updateComplete;
      await until(() => root.querySelector('[part~="support-button"]'));
      await expect(form).to.be.accessible();
      $<HTMLButtonElement>(root, '[part~="support-button"]').click();
      await until(() => form.state === 'supported');
      await expect(form).to.be.accessible();
    } finally {
      restore();
    }
  });
});
