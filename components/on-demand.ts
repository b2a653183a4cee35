/**
 * What the new tab (and the popup, for sharing) load only when the user presses something
 * (SPEC §11: the first screen loads no more than it shows). One module on purpose: a chunk this
 * size stays on its own, where a smaller one would be folded into the chunk every page loads
 * first (the build merges chunks under 4 KB).
 */
export { default as NeedItForm } from './NeedItForm.svelte';
export { shareQuestion } from './share-question';
