/**
 * Puts `text` on the clipboard; resolves whether that worked. Without the Clipboard API (plain HTTP, an
 * old browser, a denied permission) it falls back to `execCommand('copy')` on a hidden, read-only
 * textarea put in `container` for the moment (a widget's shadow root: the page's DOM is not touched).
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
