/** Tickfire as the workload runs it: plain ws on 127.0.0.1. */
import { runTickfireBench } from './tickfire-bench.js';

await runTickfireBench([]);
