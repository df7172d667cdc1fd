// Interview limits shared by the contract's input check and the interviews domain (which checks a
// partial reschedule against the stored times): below both, so neither imports the other's layer.

/** An interview lasts at most a day; longer events are scheduled one day at a time. */
export const MAX_INTERVIEW_MS = 24 * 3_600_000;
