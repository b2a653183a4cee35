import { defineBackground } from 'wxt/utils/define-background';
import { registerWorker } from '@/utils/engine/worker';

// Listeners are registered synchronously on every start, so the event that woke the worker is
// delivered; the work itself lives in utils/.
export default defineBackground(() => {
  registerWorker();
});
