import { describe, expect, it } from 'vitest';
import { datedFileName, exportList } from './list-export';
import { EXPORT_MIME } from './table-export';

describe("a desk's list export", () => {
  it('is named for the list and the ROC date it was made, without characters Windows refuses', () => {
    expect(datedFileName('場地申請清單', 'xlsx', '2022-01-31')).toBe('場地申請清單-1110131.xlsx');
    expect(datedFileName('a/b: c?', 'ods', '2022-01-31')).toBe('a b  c-1110131.ods');
  });

  it('answers with the file and its type', async () => {
    const r = await exportList({ fileName: 'list', sheetName: 'list', columns: [{ key: 'n', header: 'N' }], rows: [{ n: 1 }], format: 'ods' });
    if (!r.ok) throw new Error(r.message);
    expect(r.mime).toBe(EXPORT_MIME.ods);
    expect(r.fileName).toMatch(/^list-\d{7}\.ods$/);
    expect(Buffer.from(r.fileBase64, 'base64').subarray(30, 38).toString()).toBe('mimetype');
  });
});
