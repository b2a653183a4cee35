/**
 * What the popup loads only when the user acts (SPEC §11: the first screen loads no more than it
 * shows): the check-in and snooze forms, and the actions that write.
 */
export async function loadForms() {
  const [checkIn, snooze, actions] = await Promise.all([
    import('./CheckInForm.svelte'),
    import('./SnoozeForm.svelte'),
    import('@/utils/engine/evening-actions'),
  ]);
  return {
    CheckInForm: checkIn.default,
    SnoozeForm: snooze.default,
    addCheckIn: actions.addCheckIn,
    anotherPrompt: actions.anotherPrompt,
    setSnooze: actions.setSnooze,
  };
}

export type PopupForms = Awaited<ReturnType<typeof loadForms>>;
