import type { KeynessJob, KeynessReply } from './keyness-thread.js';
import { runKeynessJob } from './keyness-thread.js';
import { serveBatches, threadFailure } from './serve.js';

/** The worker thread of `rankOutletKeynessInThread` (src/workers/keyness-thread.ts). */
serveBatches((job: KeynessJob): KeynessReply => {
  try {
    return { keyness: runKeynessJob(job) };
  } catch (error) {
    return { error: threadFailure(error) };
  }
});
