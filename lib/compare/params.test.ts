import { describe, expect, it } from 'vitest';
import { parseCompareRequest, parseWindow } from './params';

const url = (query: string) => new URL(`http://console/api/compare?${query}`);

describe('compare query parameters', () => {
  it('reads a rule comparison (also from the rules table link ?bucket=&rule=)', () => {
    expect(parseCompareRequest(url('bucket=jtpbucket&rule=S3CRR'))).toEqual({ source: 'jtpbucket', ruleId: 'S3CRR', mode: 'current' });
    expect(parseCompareRequest(url('source=a&destination=b&mode=versions'))).toEqual({ source: 'a', destination: 'b', mode: 'versions' });
  });

  it('refuses a missing source with InvalidArgument', () => {
    expect(() => parseCompareRequest(url('rule=x'))).toThrow(expect.objectContaining({ name: 'InvalidArgument', $metadata: { httpStatusCode: 400 } }));
  });

  it('reads filters and clamps the window', () => {
    expect(parseWindow(url('class=pending&class=failed,differs&q=abc&offset=20&limit=50&maxAge=0'))).toEqual({
      filter: { classes: ['pending', 'failed', 'differs'], search: 'abc' },
      offset: 20,
      limit: 50,
      maxAgeMs: 0,
    });
    expect(parseWindow(url('limit=100000&offset=-3'))).toMatchObject({ offset: 0, limit: 100 });
    expect(() => parseWindow(url('class=bogus'))).toThrow(expect.objectContaining({ name: 'InvalidArgument' }));
  });
});
