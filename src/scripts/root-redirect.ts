import { homePath } from "../lib/site/urls.ts";
import { SCRIPT_STORAGE_KEY } from "./script-switch-key.ts";

/**
 * Sends a reader arriving at the root to a home page: their remembered choice, else
 * the first Chinese language their browser asks for, else the site default (which
 * readers without JavaScript get from the page's refresh).
 */
function chosenScript(): "hans" | "hant" | undefined {
  try {
    const stored = localStorage.getItem(SCRIPT_STORAGE_KEY);
    if (stored === "hans" || stored === "hant") return stored;
  } catch {
    // Storage disabled: fall back to the browser's languages.
  }
  for (const language of navigator.languages ?? [navigator.language]) {
    const tag = language.toLowerCase();
    if (/^zh-(hant|tw|hk|mo)/.test(tag)) return "hant";
    if (/^zh(-|$)/.test(tag)) return "hans";
  }
  return undefined;
}

const script = chosenScript();
location.replace(script ? homePath(script) : (document.documentElement.dataset["fallback"] ?? homePath("hant")));
