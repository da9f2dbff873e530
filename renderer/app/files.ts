/** Files the clerk picks or saves, for every desk: Excel as base64 for the import calls, exports, attachments, calendar CSVs as text. */

/** The file's bytes as base64 (without the data: URL head). */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

export function readAsBytes(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsArrayBuffer(file);
  });
}

/**
 * The government publishes its calendar CSV in UTF-8 some years and in Big5 others:
 * read it as UTF-8, and if that yields replacement characters, read it as Big5.
 */
export function decodeCalendarCsv(bytes: Uint8Array): string {
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  if (!utf8.includes('\uFFFD')) return utf8;
  try {
    return new TextDecoder('big5').decode(bytes);
  } catch {
    return utf8;
  }
}

/** Offers base64 content (an export, an attachment, a template) to the user as a download. */
export function downloadBase64(base64: string, fileName: string, type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'): void {
  offer(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type }), fileName);
}

/** Offers text (an iCalendar file) to the user as a download. */
export function downloadText(text: string, fileName: string, type: string): void {
  offer(new Blob([text], { type }), fileName);
}

function offer(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file size as people read it: 820 KB, 12.4 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
