import { fromChunks, toChunks } from '../../src/store/azure-tables/tables';

describe('Azure Tables chunking', () => {
  it('round-trips multi-byte text split inside a character, each chunk within the 64 KiB property limit', () => {
    const json = JSON.stringify({ text: 'é'.repeat(50_000) + '漢字'.repeat(20_000) + '🙂'.repeat(5_000) });
    const entity = toChunks(json);
    const parts = Object.entries(entity).filter(([key]) => key.startsWith('json'));
    expect(parts.length).toBeGreaterThan(2);
    for (const [, part] of parts) expect((part as Uint8Array).byteLength).toBeLessThanOrEqual(64 * 1024);
    expect(fromChunks(entity)).toBe(json);
  });

  it('stores an empty document as one chunk', () => {
    expect(toChunks('')).toMatchObject({ chunks: 1 });
    expect(fromChunks(toChunks(''))).toBe('');
  });

  it('still reads the string chunks earlier versions stored', () => {
    expect(fromChunks({ chunks: 2, json0: '{"a":"é', json1: 'é"}' })).toBe('{"a":"éé"}');
  });
});
