/** Saves a file through a Blob link: needs no `downloads` permission and makes no request. */
export function downloadFile(parts: BlobPart[], fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: the browser reads the Blob asynchronously after the click.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
