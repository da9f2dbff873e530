import { describe, expect, it } from 'vitest';
import { attachmentHashes, isSha256 } from './attachments';

const h = (c: string) => c.repeat(64);

describe('attachmentHashes: the files a mutation refers to', () => {
  it('finds hashes in fields named attachments or photos, as strings or objects with sha256, at any depth, once each', () => {
    const args = {
      id: 't1',
      attachments: [{ sha256: h('a'), name: '報修.jpg', size: 10, type: 'image/jpeg' }, h('b')],
      item: { photos: [{ sha256: h('c') }, h('a')] },
      rows: [{ photos: [h('d')] }],
    };
    expect(attachmentHashes(args)).toEqual([h('a'), h('b'), h('c'), h('d')]);
  });

  it('ignores other fields and anything that is not a hash', () => {
    expect(attachmentHashes({ note: h('a'), attachments: ['x', 42, null, { sha256: 'short' }], photos: h('b') })).toEqual([]);
    expect(attachmentHashes(null)).toEqual([]);
    expect(attachmentHashes('text')).toEqual([]);
  });

  it('a hash is 64 lowercase hex digits', () => {
    expect(isSha256(h('0'))).toBe(true);
    expect(isSha256(h('A'))).toBe(false);
    expect(isSha256(h('a').slice(1))).toBe(false);
  });
});
