/** One evening: the calendar date it starts on, and its real start and end instants (epoch ms). */
export interface Evening {
  date: string;
  start: number;
  end: number;
}
