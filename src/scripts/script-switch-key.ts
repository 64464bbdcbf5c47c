/** Where the reader's choice of script is remembered (localStorage). */
export const SCRIPT_STORAGE_KEY = "archive-script";
