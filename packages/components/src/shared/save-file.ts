/**
 * Offers `text` as a file download named `filename` (e.g. an `.ics` for "add to calendar"): a Blob URL
 * behind a temporary link inside `container` (a shadow root is fine), clicked once. Phones hand a
 * `text/calendar` file to the calendar app. The URL is released once the browser has taken it.
 */
export function saveFile(container: ParentNode & Node, text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  container.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
