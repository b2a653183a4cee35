/*
 * Kept apart from follow-changes.ts, which every page loads: only pages with controls of
 * stored data (options, welcome) need this, and the new tab's budget has no bytes to spare.
 */

/** A form control whose `value` shows a stored setting. */
type ValueControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * Shows a stored value in a control without ever overwriting what the user is doing there
 * (SPEC §8): use it instead of `value={…}` on any control of stored data
 * (`use:storedValue={settings.limitMinutes}`). While the control has the focus, a value that
 * changed elsewhere waits and shows once the user leaves, unless they committed their own
 * change meanwhile (which, saved field by field, lands after it). Svelte's own `value`
 * binding would replace a half-typed number or time the moment another tab saved that field.
 */
export function storedValue(node: ValueControl, value: string | number) {
  let stored = String(value);
  let waiting = false;
  node.value = stored;
  const editing = () => node.ownerDocument.activeElement === node;
  const onChange = () => {
    waiting = false;
  };
  const onBlur = () => {
    if (waiting) node.value = stored;
    waiting = false;
  };
  node.addEventListener('change', onChange);
  node.addEventListener('blur', onBlur);
  return {
    update(next: string | number) {
      if (String(next) === stored) return;
      stored = String(next);
      waiting = false;
      if (node.value === stored) return;
      if (editing()) waiting = true;
      else node.value = stored;
    },
    destroy() {
      node.removeEventListener('change', onChange);
      node.removeEventListener('blur', onBlur);
    },
  };
}
