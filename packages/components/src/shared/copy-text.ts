/**
 * Puts `text` on the clipboard; resolves whether that worked. Without the Clipboard API (plain HTTP, an
 * old browser, a denied permission) it falls back to selecting a hidden, read-only textarea inside
 * `container` (a shadow root is fine, so the page's own selection and focus styles are left alone).
 */
export async function copyText(text: string, container: ParentNode & Node): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const scratch = document.createElement('textarea');
    scratch.value = text;
    scratch.setAttribute('readonly', '');
    scratch.className = 'visually-hidden';
    container.appendChild(scratch);
    scratch.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      scratch.remove();
    }
  }
}
