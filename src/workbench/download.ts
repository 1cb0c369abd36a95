/** Hands bytes to the user as a file download: a blob URL in this page, nothing uploaded anywhere. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function saveFile(bytes: BlobPart, fileName: string, type = XLSX_TYPE): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked on the next task: the browser has taken the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
