/**
 * What the new tab (and the popup) load only when needed (SPEC §11: the first screen loads no
 * more than it shows): the "I need it" form and sharing on a press, the couple's pick when paired. One module on purpose: a chunk this
 * size stays on its own, where a smaller one would be folded into the chunk every page loads
 * first (the build merges chunks under 4 KB).
 */
export { default as NeedItForm } from './NeedItForm.svelte';
export { shareQuestion } from './share-question';
export { coupleOrder } from '@/utils/prompts/shared-pick';
