// Preferences of this device. Nothing here is about a person: the language of the app and how
// soon it locks itself. Kept in the webview's local storage, outside the vault, because both
// are needed before the vault is unlocked.
const KEY = "fieldscreen.settings";

export interface Settings { lang: string | null; autoLockMinutes: number }
export const AUTO_LOCK_CHOICES = [1, 2, 5, 10, 15, 30];
const DEFAULTS: Settings = { lang: null, autoLockMinutes: 5 };

export function loadSettings(): Settings {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return { ...DEFAULTS };
    const s = JSON.parse(raw) as Partial<Settings>;
    const minutes = AUTO_LOCK_CHOICES.includes(Number(s.autoLockMinutes)) ? Number(s.autoLockMinutes) : DEFAULTS.autoLockMinutes;
    return { lang: typeof s.lang === "string" ? s.lang : null, autoLockMinutes: minutes };
  } catch {
    return { ...DEFAULTS };
  }
}

export function saveSettings(s: Settings) {
  localStorage.setItem(KEY, JSON.stringify(s));
}
