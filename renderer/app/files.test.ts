import { describe, expect, it } from 'vitest';
import { decodeCalendarCsv, formatSize, readAsBase64 } from './files';

describe('calendar CSV encoding', () => {
  it('reads a UTF-8 file as it is', () => {
    const bytes = new TextEncoder().encode('西元日期,星期,是否放假,備註\n20220131,一,2,農曆除夕\n');
    expect(decodeCalendarCsv(bytes)).toContain('農曆除夕');
  });

  it('falls back to Big5 when UTF-8 gives replacement characters', () => {
    // "備註" in Big5: B3 C6 B5 F9
    const bytes = new Uint8Array([0x61, 0x2c, 0xb3, 0xc6, 0xb5, 0xf9, 0x0a]);
    expect(decodeCalendarCsv(bytes)).toBe('a,備註\n');
  });
});

describe('files as base64', () => {
  it('gives the bytes without the data URL head', async () => {
    expect(await readAsBase64(new Blob([new Uint8Array([1, 2, 3, 250])]))).toBe('AQID+g==');
  });
});

describe('file sizes', () => {
  it('reads in B, KB or MB', () => {
    expect([formatSize(900), formatSize(839_680), formatSize(13_002_342)]).toEqual(['900 B', '820 KB', '12.4 MB']);
  });
});
