import { isoDay } from "../lib/cite/accessed.ts";

/**
 * Fills the access date (引用日期) of the page's citations with the reader's today.
 * The built page cannot know that day; without JavaScript the placeholder stays.
 */
for (const slot of document.querySelectorAll<HTMLElement>("[data-access-date]")) {
  slot.textContent = isoDay(new Date());
}
