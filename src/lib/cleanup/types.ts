/** The result of a cleanup step: the new text and how many changes the step made. */
export interface Cleaned {
  text: string;
  count: number;
}
