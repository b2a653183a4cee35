/**
 * Prompt ids retired in the second edition, with the reason for each. Never reused: a saved
 * question or an old record may still name one, and a new prompt under the same id would
 * change what that reference means. Only tests and the docs read this list; the pages do not
 * need it (an id that is not in the library is shown as retired, whatever it was).
 */
export const RETIRED_PROMPTS: Readonly<Record<string, string>> = {
  care_04:
    'asks the same as conversation_07 (what would make things easier) and is a week-long assignment',
  care_06: 'assumes a shared home and a shared morning (keys, bag)',
  care_07: 'assumes a shared home (sheets on the bed, a bath)',
  care_08:
    'asks the same as conversation_11 (notice what goes unsaid); one of five appreciation prompts',
  care_09: 'assumes a shared home to come back to, and music usually means a device',
  care_10: "assumes a shared morning (taking over tomorrow's first task)",
  care_11: 'a promise for the week, not something doable in one evening',
  emotional_04: 'asks the same as emotional_01 (share a worry you have not said out loud)',
  experiential_09: 'a whole album does not fit 20 minutes and usually needs a device to play it',
  experiential_10:
    'asks the same as experiential_04 (plan things to do together) and stretches to the end of the year',
  intellectual_06:
    'asks the same as intellectual_11 (ask what makes them see it that way) and only works if a disagreement happens to come up',
  listening_05:
    'built around the phone in another room; the full-attention idea stays in listening_08',
  listening_06: 'asks the same as listening_01 (ask what would help instead of fixing)',
  physical_03:
    'same idea as physical_02 (touch through a whole conversation) and leaned on putting phones in another room',
  physical_08: 'asks the same as physical_01 (a long hug)',
  ritual_02: 'asks the same as ritual_01 (high and low of the day)',
  ritual_03: 'asks the same as ritual_01 (one thing you appreciated today)',
  ritual_05: 'a third high-and-low check-in; ritual_01 and ritual mode already cover it',
  ritual_06: 'a fourth high-and-low check-in, framed around switching off screens',
  ritual_10: 'spans each evening of a week and is built around closing the laptop',
};
