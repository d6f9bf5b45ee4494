import { expect } from '@open-wc/testing';
import { FakeApi } from '../test-support/fake-api.js';
import { $, choosePhotos, cleanSlate, fillValid, mount, photoFile, submit, text, until } from '../test-support/request-form-helpers.js';

const photoItems = (root: ShadowRoot) => [...root.querySelectorAll<HTMLElement>('[part~="photo"]')];

describe('<ds-request-form> photos', () => {
  beforeEach(cleanSlate);

  it('shrinks a large photo to 1600 px on its long side, shows its progress and sends its id', async () => {
    const api = new FakeApi();
    api.photoMode = 'slow';
    const { form, root } = await mount({ api });
    await fillValid(form);
    await choosePhotos(form, [await photoFile(3000, 2000)]);
    await until(() => root.querySelector('progress[value]'), 'no upload progress bar');
    const progress = $<HTMLProgressElement>(root, 'progress');
    expect(text(root, `label[for="${progress.id}"]`)).to.equal('正在上传 0%');
    await expect(form).to.be.accessible();
    api.release();
    await until(() => api.stored.size === 1 && root.querySelector('.photo--uploaded'), 'the photo was not uploaded');

    const uploaded = [...api.stored.values()][0]!;
    expect(uploaded.blob.type === 'image/jpeg' || uploaded.blob.size > 0).to.equal(true);
    const bitmap = await createImageBitmap(uploaded.blob);
    expect([bitmap.width, bitmap.height]).to.deep.equal([1600, 1067]);
    const magic = new Uint8Array(await uploaded.blob.slice(0, 3).arrayBuffer());
    expect([...magic]).to.deep.equal([0xff, 0xd8, 0xff]);

    const thumbnail = $<HTMLImageElement>(root, '[part="thumbnail"]');
    expect(thumbnail.alt).to.equal('照片 1：IMG_2031.jpg');
    expect(thumbnail.src).to.match(/^blob:/);
    expect(text(root, '.photo-done')).to.equal('已上传');
    await expect(form).to.be.accessible();

    await submit(form);
    await until(() => form.state === 'success');
    expect((api.creates[0]!.body as { photoIds: string[] }).photoIds).to.deep.equal(['ph-1']);
  });

  it('keeps a small photo at its size', async () => {
    const { api, root, form } = await mount();
    await choosePhotos(form, [await photoFile(800, 600, 'small.jpg')]);
    await until(() => root.querySelector('.photo--uploaded'));
    const bitmap = await createImageBitmap([...api.stored.values()][0]!.blob);
    expect([bitmap.width, bitmap.height]).to.deep.equal([800, 600]);
  });

  it('says clearly which files are not photos, cannot be opened, or are too large, before and after shrinking', async () => {
    const { api, form, root } = await mount({ attributes: { 'photo-max-bytes': String(20 * 1024) } });
    const notes = new File(['买菜清单'], 'notes.txt', { type: 'text/plain' });
    const broken = new File([new Uint8Array([1, 2, 3, 4])], 'broken.jpg', { type: 'image/jpeg' });
    const huge = new File([new Uint8Array(41 * 1024 * 1024)], 'huge.jpg', { type: 'image/jpeg' });
    await choosePhotos(form, [notes, broken, huge, await photoFile(3000, 2000, 'big.jpg')]);
    await until(() => root.querySelector('.photo-problems'), 'no problems listed');
    const problems = [...root.querySelectorAll('.photo-problems li')].map((item) => item.textContent!.trim());
    expect(problems).to.have.members([
      '“notes.txt”不是照片。请选择 JPEG、PNG 或 WebP 格式的图片。',
      '“broken.jpg”打不开。请换一张照片，或用手机相机重新拍一张。',
      '“huge.jpg”太大了，无法处理。请选择小于 40 MB 的照片。',
      '“big.jpg”缩小后仍然超过 20 KB，请换一张照片。',
    ]);
    expect(photoItems(root)).to.have.length(0);
    expect(api.uploads).to.have.length(0);
    expect(text(root, '[part="field"][role="group"] [aria-live]')).to.contain('notes.txt');
    await expect(form).to.be.accessible();
  });

  it('retries one failed upload alone, under its own key', async () => {
    const api = new FakeApi();
    api.photoMode = 'network';
    const { form, root } = await mount({ api });
    await choosePhotos(form, [await photoFile(640, 480, 'a.jpg'), await photoFile(640, 480, 'b.jpg')]);
    await until(() => root.querySelectorAll('.photo--failed').length === 2, 'the uploads did not fail');
    expect(text(root, '.photo--failed [part="field-error"]')).to.contain('上传没有成功');
    await expect(form).to.be.accessible();
    const keys = api.uploads.map((upload) => upload.headers.get('idempotency-key'));

    api.photoMode = 'ok';
    const retry = $<HTMLButtonElement>(root, '.photo--failed [part~="retry-button"]');
    expect(retry.textContent!.replace(/\s+/g, '')).to.equal('重试（照片1）');
    retry.click();
    await until(() => root.querySelector('.photo--uploaded'), 'the retry did not upload');
    expect(api.uploads).to.have.length(3);
    expect(api.uploads[2]!.headers.get('idempotency-key')).to.equal(keys[0]);
    expect(photoItems(root).map((item) => item.className.match(/photo--(\w+)/)![1])).to.deep.equal(['uploaded', 'failed']);
  });

  it('uploads failed photos again when the connection comes back', async () => {
    const api = new FakeApi();
    api.photoMode = 'network';
    const { form, root } = await mount({ api });
    await choosePhotos(form, [await photoFile(640, 480)]);
    await until(() => root.querySelector('.photo--failed'));
    api.photoMode = 'ok';
    window.dispatchEvent(new Event('online'));
    await until(() => root.querySelector('.photo--uploaded'), 'not uploaded after going online');
  });

  it('tries failed photos once more on submit and sends them with the report', async () => {
    const api = new FakeApi();
    api.photoMode = 'network';
    const { form, root } = await mount({ api });
    await fillValid(form);
    await choosePhotos(form, [await photoFile(640, 480)]);
    await until(() => root.querySelector('.photo--failed'));
    api.photoMode = 'ok';
    await submit(form);
    await until(() => form.state === 'success');
    expect((api.creates[0]!.body as { photoIds: string[] }).photoIds).to.deep.equal(['ph-1']);
  });

  it('blocks sending while a photo the server refused is still there, until it is removed', async () => {
    const api = new FakeApi();
    api.photoMode = 'too-large';
    const { form, root } = await mount({ api });
    await fillValid(form);
    await choosePhotos(form, [await photoFile(640, 480)]);
    await until(() => root.querySelector('.photo--refused'));
    expect(text(root, '.photo--refused [part="field-error"]')).to.contain('服务器没有接收');
    expect(root.querySelector('.photo--refused [part~="retry-button"]')).to.equal(null);
    await submit(form);
    expect(text(root, '#photos-error')).to.contain('有照片没有被接收');
    expect($(root, '[part="error-link"]').getAttribute('href')).to.equal('#photos');
    expect(api.creates).to.have.length(0);
    $<HTMLButtonElement>(root, '.photo-remove').click();
    await form.updateComplete;
    await submit(form);
    await until(() => form.state === 'success');
    expect(api.creates[0]!.body).not.to.have.property('photoIds');
  });

  it('removes a photo, says so, and keeps focus in the list', async () => {
    const { api, form, root } = await mount();
    await fillValid(form);
    // One after the other, so the first is ph-1 and the second ph-2.
    await choosePhotos(form, [await photoFile(640, 480, 'a.jpg')]);
    await until(() => root.querySelectorAll('.photo--uploaded').length === 1);
    await choosePhotos(form, [await photoFile(640, 480, 'b.jpg')]);
    await until(() => root.querySelectorAll('.photo--uploaded').length === 2);
    const remove = $<HTMLButtonElement>(root, '.photo-remove');
    expect(remove.textContent!.replace(/\s+/g, '')).to.equal('删除（照片1）');
    remove.click();
    await until(() => photoItems(root).length === 1);
    expect($<HTMLImageElement>(root, '[part="thumbnail"]').alt).to.equal('照片 1：b.jpg');
    expect(root.activeElement?.classList.contains('photo-remove')).to.equal(true);
    expect(text(root, '[part="field"][role="group"] [aria-live]')).to.equal('已删除照片 1');
    await submit(form);
    await until(() => form.state === 'success');
    expect((api.creates[0]!.body as { photoIds: string[] }).photoIds).to.deep.equal(['ph-2']);
  });

  it('takes at most four photos, and offers the camera on touch screens only', async () => {
    const { form, root } = await mount();
    const files = await Promise.all([1, 2, 3, 4, 5].map((n) => photoFile(320, 240, `${n}.jpg`)));
    await choosePhotos(form, files);
    await until(() => root.querySelectorAll('.photo--uploaded').length === 4);
    expect(text(root, '.photo-problems')).to.equal('最多只能添加 4 张照片，有 1 张没有添加。');
    expect($(root, '#photos').getAttribute('aria-disabled')).to.equal('true');
    const camera = $<HTMLInputElement>(root, '#photo-camera');
    expect(camera.getAttribute('capture')).to.equal('environment');
    expect(camera.accept).to.equal('image/*');
    expect($<HTMLInputElement>(root, '#photo-files').multiple).to.equal(true);
    expect(matchMedia('(pointer: coarse)').matches).to.equal(false);
    expect([...root.querySelectorAll('.photo-actions button')].map((button) => button.textContent!.trim())).to.deep.equal(['选择照片']);
  });
});
