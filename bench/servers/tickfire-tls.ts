/** Tickfire serving https and wss itself (--tls-cert, --tls-key): what TLS in the process costs. */
import { BENCH_TLS_CERT, BENCH_TLS_KEY } from '../shared/bench-tls.js';
import { runTickfireBench } from './tickfire-bench.js';

await runTickfireBench(['--tls-cert', BENCH_TLS_CERT, '--tls-key', BENCH_TLS_KEY]);
