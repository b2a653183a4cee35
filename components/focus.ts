/**
 * Svelte action for a panel that appears on request (a form, a confirmation): moves keyboard
 * focus to its first control and brings it into view, so keyboard and screen-reader users land
 * where the change happened.
 */
export function focusFirstControl(node: HTMLElement): void {
  const first = node.querySelector<HTMLElement>(
    'input:not([disabled]), select, textarea, button:not([disabled])',
  );
  first?.focus();
  node.scrollIntoView?.({ block: 'nearest' });
}
