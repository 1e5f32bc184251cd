import { describe, expect, it } from 'vitest';
import { parseWrk } from './wrk';

/** wrk's report as it prints it (Debian's wrk 4.1.0, `--latency`), read into numbers. */
const REPORT = `Running 2s test @ http://127.0.0.1:33367/a
  2 threads and 20 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   430.52us  277.27us   5.88ms   97.80%
    Req/Sec    24.37k     3.66k   32.20k    67.50%
  Latency Distribution
     50%  401.00us
     75%  452.00us
     90%  520.00us
     99%    1.56ms
  96961 requests in 2.00s, 29.13MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 7
Requests/sec:  48456.01
Transfer/sec:     14.56MB
`;

describe('reading wrk', () => {
  it('takes the rate, the median and p99 in milliseconds, and counts errors and non-2xx answers', () => {
    expect(parseWrk(REPORT)).toEqual({ rps: 48456, p50_ms: 0.401, p99_ms: 1.56, requests: 96961, non_2xx: 7, socket_errors: 3 });
  });

  it('refuses a report without the latency distribution rather than inventing a number', () => {
    expect(() => parseWrk(REPORT.replace(/ {5}99%.*\n/, ''))).toThrow('no 99% latency');
  });
});
