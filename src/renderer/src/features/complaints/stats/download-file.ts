/** Hands a file made by core to the browser's download (a save dialog in the app). */
export function downloadFile(fileName: string, dataBase64: string, mimeType: string): void {
  const bytes = Uint8Array.from(atob(dataBase64), (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download holds the data once started; the URL is only released a little later to be safe.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
